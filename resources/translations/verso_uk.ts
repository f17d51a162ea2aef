<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Sample article and starter glossary (seeds/)</source>
        <translation>Зразкова стаття та початковий глосарій (seeds/)</translation>
    </message>
    <message>
        <source>Verso project</source>
        <translation>Проєкт Verso</translation>
    </message>
    <message>
        <source>same licence as Verso</source>
        <translation>та сама ліцензія, що й у Verso</translation>
    </message>
    <message>
        <source>Ukrainian names and places (app/core/checks/names_data.py)</source>
        <translation>Українські імена та назви місць (app/core/checks/names_data.py)</translation>
    </message>
    <message>
        <source>written for Verso; romanisation after the KMU 2010 table (public standard)</source>
        <translation>укладено для Verso; латинізація за таблицею КМУ 2010 (публічний стандарт)</translation>
    </message>
    <message>
        <source>Ukrainian and Russian morphology dictionaries</source>
        <translation>Морфологічні словники української та російської</translation>
    </message>
    <message>
        <source>pymorphy3-dicts-uk / -ru (from OpenCorpora and LanguageTool)</source>
        <translation>pymorphy3-dicts-uk / -ru (з OpenCorpora та LanguageTool)</translation>
    </message>
    <message>
        <source>see the pymorphy3-dicts rows below</source>
        <translation>див. рядки pymorphy3-dicts нижче</translation>
    </message>
    <message>
        <source>Qt&apos;s Ukrainian translation (qt_uk.qm, qtbase_uk.qm)</source>
        <translation>Український переклад Qt (qt_uk.qm, qtbase_uk.qm)</translation>
    </message>
    <message>
        <source>the Qt Project, shipped with PySide6</source>
        <translation>Qt Project, постачається з PySide6</translation>
    </message>
    <message>
        <source>Verso&apos;s interface translations (resources/translations/)</source>
        <translation>Переклади інтерфейсу Verso (resources/translations/)</translation>
    </message>
    <message>
        <source>Bundled data</source>
        <translation>Вбудовані дані</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Дані</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Джерело</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Ліцензія</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>Бібліотеки</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Бібліотека</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версія</translation>
    </message>
    <message>
        <source>Review machine translations of news articles: names, terms, numbers, glossary.</source>
        <translation>Перевірка машинних перекладів новинних статей: імена, терміни, числа, глосарій.</translation>
    </message>
    <message>
        <source>About Verso</source>
        <translation>Про Verso</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Open Source and Translation…</source>
        <translation>&amp;Відкрити оригінал і переклад…</translation>
    </message>
    <message>
        <source>Open an article and its machine translation</source>
        <translation>Відкрити статтю та її машинний переклад</translation>
    </message>
    <message>
        <source>Open &amp;Review…</source>
        <translation>Відкрити &amp;перевірку…</translation>
    </message>
    <message>
        <source>Open a saved .verso review</source>
        <translation>Відкрити збережену перевірку .verso</translation>
    </message>
    <message>
        <source>&amp;Save Review</source>
        <translation>&amp;Зберегти перевірку</translation>
    </message>
    <message>
        <source>Save the review (.verso)</source>
        <translation>Зберегти перевірку (.verso)</translation>
    </message>
    <message>
        <source>Save Review &amp;As…</source>
        <translation>Зберегти перевірку &amp;як…</translation>
    </message>
    <message>
        <source>&amp;Export Corrected Article…</source>
        <translation>&amp;Експортувати виправлену статтю…</translation>
    </message>
    <message>
        <source>Write the corrected translation as .txt, .md, .html or .docx</source>
        <translation>Записати виправлений переклад як .txt, .md, .html або .docx</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Вийти</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Скасувати</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторити</translation>
    </message>
    <message>
        <source>&amp;Apply Suggestion</source>
        <translation>&amp;Застосувати пропозицію</translation>
    </message>
    <message>
        <source>Replace the flagged text with the suggestion</source>
        <translation>Замінити позначений текст пропозицією</translation>
    </message>
    <message>
        <source>Apply Suggestion to &amp;All</source>
        <translation>Застосувати пропозицію до &amp;всіх</translation>
    </message>
    <message>
        <source>Replace every occurrence of the flagged text in the article</source>
        <translation>Замінити кожне входження позначеного тексту в статті</translation>
    </message>
    <message>
        <source>&amp;Ignore Issue</source>
        <translation>&amp;Ігнорувати проблему</translation>
    </message>
    <message>
        <source>Hide this false alarm for this review</source>
        <translation>Приховати цю хибну тривогу в цій перевірці</translation>
    </message>
    <message>
        <source>&amp;Next Issue</source>
        <translation>&amp;Наступна проблема</translation>
    </message>
    <message>
        <source>&amp;Previous Issue</source>
        <translation>&amp;Попередня проблема</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Недавні</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Зміни</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вигляд</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>П&amp;ерехід</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>Article: source and translation, segment by segment</source>
        <translation>Стаття: оригінал і переклад, сегмент за сегментом</translation>
    </message>
    <message>
        <source>Tab moves from segment to segment; highlighted words have issues</source>
        <translation>Tab переходить від сегмента до сегмента; у виділених словах є проблеми</translation>
    </message>
    <message>
        <source>Source ({lang})</source>
        <translation>Оригінал ({lang})</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Оригінал</translation>
    </message>
    <message>
        <source>Translation ({lang})</source>
        <translation>Переклад ({lang})</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Переклад</translation>
    </message>
    <message>
        <source>Source, segment %1</source>
        <translation>Оригінал, сегмент %1</translation>
    </message>
    <message>
        <source>Read-only source text</source>
        <translation>Текст оригіналу, лише для читання</translation>
    </message>
    <message>
        <source>Translation, segment %1</source>
        <translation>Переклад, сегмент %1</translation>
    </message>
    <message>
        <source>Editable translation; highlighted words have issues (F8: next issue)</source>
        <translation>Переклад, який можна редагувати; у виділених словах є проблеми (F8 — наступна проблема)</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Відредаговано</translation>
    </message>
    <message>
        <source>Replace with “{suggestion}”</source>
        <translation>Замінити на «{suggestion}»</translation>
    </message>
    <message>
        <source>Replace every “{text}” with “{suggestion}”</source>
        <translation>Замінити кожне «{text}» на «{suggestion}»</translation>
    </message>
    <message>
        <source>Ignore this issue</source>
        <translation>Ігнорувати цю проблему</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Підтверджено</translation>
    </message>
    <message>
        <source>Segment {n}</source>
        <translation>Сегмент {n}</translation>
    </message>
    <message>
        <source>Show “{t}” again (un-ignore)</source>
        <translation>Знову показати «{t}» (скасувати ігнорування)</translation>
    </message>
    <message>
        <source>Ignore “{t}” for this check in every article</source>
        <translation>Ігнорувати «{t}» для цієї перевірки в кожній статті</translation>
    </message>
</context>
<context>
    <name>BackTranslationDialog</name>
    <message>
        <source>Back-translation Check</source>
        <translation>Перевірка зворотним перекладом</translation>
    </message>
    <message>
        <source>Each target segment is translated back and compared with the source (chrF); segments far below the article&apos;s median are listed for a second look. This sends every segment to the provider.</source>
        <translation>Кожен сегмент перекладу перекладається назад і порівнюється з оригіналом (chrF); сегменти, що значно нижчі за медіану статті, виносяться на повторний перегляд. Кожен сегмент буде надіслано постачальнику.</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <source>glossary</source>
        <translation>глосарій</translation>
    </message>
    <message>
        <source>names</source>
        <translation>імена</translation>
    </message>
    <message>
        <source>numbers</source>
        <translation>числа</translation>
    </message>
    <message>
        <source>language</source>
        <translation>мова</translation>
    </message>
    <message>
        <source>completeness</source>
        <translation>повнота</translation>
    </message>
    <message>
        <source>typography</source>
        <translation>типографіка</translation>
    </message>
    <message>
        <source>meaning</source>
        <translation>зміст</translation>
    </message>
</context>
<context>
    <name>CheckHelp</name>
    <message>
        <source>A rendering the glossary rejects stands in the translation (Kiev, Mark Rubio); the suggestion is the approved one.</source>
        <translation>У перекладі стоїть відповідник, який глосарій відхиляє (Kiev, Mark Rubio); пропозиція — затверджений відповідник.</translation>
    </message>
    <message>
        <source>The team&apos;s glossary rejects this rendering (an old or Russian-based spelling, a wrong name); readers and the house style expect the approved one. Fix: Apply Suggestion, or Apply Suggestion to All when it recurs (Help &gt; Keyboard Shortcuts lists their keys). If the glossary is wrong for this context, ignore the issue and correct the glossary entry.</source>
        <translation>Глосарій команди відхиляє цей відповідник (застаріле чи російське написання, неправильне ім’я); читачі й редакційний стиль очікують затверджений. Виправлення: «Застосувати пропозицію» або «Застосувати пропозицію до всіх», якщо він повторюється (клавіші — у Довідка &gt; Клавіатурні скорочення). Якщо глосарій у цьому контексті помиляється, проігноруйте проблему й виправте статтю глосарію.</translation>
    </message>
    <message>
        <source>A glossary term in the source (in any inflection) whose approved rendering is absent from the translation, or there fewer times.</source>
        <translation>Термін глосарію в оригіналі (у будь-якій формі), затвердженого відповідника якого немає в перекладі або він трапляється рідше.</translation>
    </message>
    <message>
        <source>The source uses a term the team has agreed on, but the translation never uses the approved rendering (or uses it fewer times), so the term was translated another way or dropped. Fix: edit the sentence to use the approved rendering shown in the message. Ignore it when the term is legitimately paraphrased.</source>
        <translation>Оригінал уживає погоджений командою термін, але переклад не вживає затвердженого відповідника (або вживає рідше), тобто термін перекладено інакше чи пропущено. Виправлення: змініть речення, щоб ужити затверджений відповідник із повідомлення. Ігноруйте, якщо термін доречно перефразовано.</translation>
    </message>
    <message>
        <source>A Cyrillic name rendered differently from its official romanisation (Марко → Mark instead of Marko, Олег → Oleg), unless the glossary approves it.</source>
        <translation>Кириличне ім’я передано не так, як в офіційній латинізації (Марко → Mark замість Marko, Олег → Oleg), якщо глосарій цього не затверджує.</translation>
    </message>
    <message>
        <source>Names of people and places follow the official Ukrainian romanisation (or the spelling the glossary approves); MT engines often use Russian-based or anglicised forms. Fix: apply the suggestion, and add the name to the glossary when the person prefers another spelling, so the next article is checked against it.</source>
        <translation>Імена людей і назви місць пишуться за офіційною українською латинізацією (або так, як затверджує глосарій); системи МП часто дають російські чи англізовані форми. Виправлення: застосуйте пропозицію, а якщо людина віддає перевагу іншому написанню, додайте ім’я до глосарію, щоб наступну статтю перевіряли за ним.</translation>
    </message>
    <message>
        <source>One name spelled two ways in the same article (Zelensky / Zelenskyy, Kyiv / Kiev), with or without a glossary.</source>
        <translation>Одне ім’я написано двома способами в одній статті (Zelensky / Zelenskyy, Kyiv / Kiev), із глосарієм чи без нього.</translation>
    </message>
    <message>
        <source>A reader must be able to tell that two mentions are one person or place; two spellings in one article look like two people. Fix: choose one spelling (the glossary&apos;s when it has one) and apply it everywhere with Apply Suggestion to All.</source>
        <translation>Читач має розуміти, що дві згадки — це та сама людина чи місце; два написання в одній статті виглядають як дві людини. Виправлення: виберіть одне написання (з глосарію, якщо воно там є) і застосуйте його всюди через «Застосувати пропозицію до всіх».</translation>
    </message>
    <message>
        <source>A Ukrainian name in the source that the translation leaves out or turns into a common word (Суми → &quot;Amounts&quot;, Біла Церква → &quot;White Church&quot;).</source>
        <translation>Українська назва чи ім’я в оригіналі, яке переклад пропускає або перетворює на звичайне слово (Суми → «Amounts», Біла Церква → «White Church»).</translation>
    </message>
    <message>
        <source>MT engines translate town names word by word and drop names they cannot place, so a reader meets a place that does not exist or loses who or where. Fix: write the name in its usual romanisation (the suggestion, where the evidence is good); ignore it when the translation renders the name another way on purpose.</source>
        <translation>Машинний переклад перекладає назви міст слово за словом і пропускає імена, яких не впізнає, тож читач бачить місце, якого не існує, або не знає, хто і де. Виправлення: напишіть ім’я у звичній транслітерації (пропозиція, де свідчення надійні); ігноруйте, коли переклад навмисно передає ім’я інакше.</translation>
    </message>
    <message>
        <source>A person, place or organisation in the source that the glossary does not know, with its rendering in the article, to add to the glossary (info).</source>
        <translation>Особа, місце чи організація в оригіналі, яких не знає глосарій, з написанням у статті — щоб додати до глосарію (інформація).</translation>
    </message>
    <message>
        <source>A name the glossary does not know is checked only against the article itself; once it is in the glossary, every later article is held to the same spelling. Add it (Glossary &gt; Add Entry, or `glossary add`), or ignore it when the name is incidental.</source>
        <translation>Ім’я, якого не знає глосарій, перевіряється лише в межах статті; коли воно є в глосарії, кожна наступна стаття має те саме написання. Додайте його («Глосарій &gt; Додати запис» або `glossary add`) чи ігноруйте, якщо ім’я випадкове.</translation>
    </message>
    <message>
        <source>Figures, dates, percentages and number words that differ between the source and the translation (15,5 % = 15.5%, 23 листопада = November 23).</source>
        <translation>Цифри, дати, відсотки та числівники, що відрізняються в оригіналі й перекладі (15,5 % = 15.5%, 23 листопада = November 23).</translation>
    </message>
    <message>
        <source>A changed figure, date or percentage changes the news. Decimal commas, spaces in thousands and month names are normalised before comparing, so what remains is a real difference. Fix: correct the number in the translation; ignore the issue when the figure was deliberately converted (units, currencies).</source>
        <translation>Змінена цифра, дата чи відсоток змінює новину. Десяткові коми, пробіли в тисячах і назви місяців нормалізуються перед порівнянням, тож залишається справжня розбіжність. Виправлення: виправте число в перекладі; ігноруйте проблему, якщо число свідомо перераховано (одиниці, валюти).</translation>
    </message>
    <message>
        <source>Text left in the source language or script: a whole segment, a run of words, or a word mixing Cyrillic and Latin letters.</source>
        <translation>Текст, залишений мовою чи письмом оригіналу: цілий сегмент, кілька слів поспіль або слово, що змішує кирилицю й латиницю.</translation>
    </message>
    <message>
        <source>Words left in Cyrillic, or words mixing Cyrillic and Latin letters that look alike, cannot be read by the audience and break search. Fix: translate or transliterate the text. Ignore the issue for quoted titles that must stay in the original.</source>
        <translation>Слова, залишені кирилицею, або слова, що змішують схожі кириличні й латинські літери, аудиторія не прочитає, і вони ламають пошук. Виправлення: перекладіть або транслітеруйте текст. Ігноруйте проблему для цитованих назв, які мають лишитися в оригіналі.</translation>
    </message>
    <message>
        <source>A translation far shorter than its source predicts (part of it may be missing), or no translation at all.</source>
        <translation>Переклад значно коротший, ніж передбачає оригінал (частина може бути пропущена), або перекладу немає взагалі.</translation>
    </message>
    <message>
        <source>MT engines sometimes drop a clause or a whole sentence without any sign. A translation much shorter than the source predicts is worth reading again against the source. Fix: translate what is missing; ignore the issue when the source is simply wordy.</source>
        <translation>Системи МП іноді непомітно пропускають частину речення чи ціле речення. Переклад, значно коротший, ніж передбачає оригінал, варто перечитати разом з оригіналом. Виправлення: перекладіть пропущене; ігноруйте проблему, якщо оригінал просто багатослівний.</translation>
    </message>
    <message>
        <source>A space before punctuation (&quot;reported .&quot;), doubled spaces, unbalanced quotes and brackets.</source>
        <translation>Пробіл перед розділовим знаком (&quot;reported .&quot;), подвійні пробіли, непарні лапки та дужки.</translation>
    </message>
    <message>
        <source>Stray spaces (often left where links were stripped), doubled spaces and unbalanced quotes or brackets look careless in print. Fix: Apply Suggestion removes the space; otherwise edit the text. Ignore the issue when the spacing is intended.</source>
        <translation>Зайві пробіли (часто там, де вирізано посилання), подвійні пробіли та непарні лапки чи дужки виглядають у публікації недбало. Виправлення: «Застосувати пропозицію» прибирає пробіл; інакше відредагуйте текст. Ігноруйте проблему, якщо пробіли навмисні.</translation>
    </message>
    <message>
        <source>On request, with an MT provider: segments whose translation back into the source language scores far below the article&apos;s median (the meaning may have drifted).</source>
        <translation>На вимогу, з постачальником МП: сегменти, зворотний переклад яких мовою оригіналу оцінено значно нижче за медіану статті (зміст міг відхилитися).</translation>
    </message>
    <message>
        <source>When the translation, translated back into the source language, is far from the source, the meaning may have drifted even though every word looks fine. Run it from Tools when a provider is set up. Fix: read the segment against the source and rephrase; ignore the issue when the wording is just freer.</source>
        <translation>Коли переклад, перекладений назад мовою оригіналу, далекий від оригіналу, зміст міг відхилитися, хоча кожне слово виглядає правильним. Запускайте з меню «Інструменти», коли налаштовано постачальника. Виправлення: перечитайте сегмент разом з оригіналом і переформулюйте; ігноруйте проблему, якщо формулювання просто вільніше.</translation>
    </message>
    <message>
        <source>On request: words of the translation that no English hunspell dictionary knows (glossary renderings, names from the source, abbreviations and numbers excepted).</source>
        <translation>На запит: слова перекладу, яких не знає жоден англійський словник hunspell (крім перекладів із глосарію, імен із джерела, абревіатур і чисел).</translation>
    </message>
    <message>
        <source>A misspelt word in a published article is cheap to catch and embarrassing to miss. The translation is checked against the US and UK English hunspell dictionaries; glossary renderings, names found in the source or repeated in the article, abbreviations, numbers and web addresses count as known. Fix: accept the suggestion or correct the word; ignore the issue for a rare word the dictionary lacks.</source>
        <translation>Помилку в слові легко виявити, а пропустити її в опублікованій статті — прикро. Переклад перевіряється за американським і британським англійськими словниками hunspell; переклади з глосарію, імена, знайдені в джерелі або повторені в статті, абревіатури, числа й вебадреси вважаються відомими. Як виправити: прийміть пропозицію або виправте слово; проігноруйте зауваження, якщо це рідкісне слово, якого немає в словнику.</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>Rejected term</source>
        <translation>Відхилений термін</translation>
    </message>
    <message>
        <source>Glossary term missing</source>
        <translation>Бракує терміна з глосарію</translation>
    </message>
    <message>
        <source>Name romanisation</source>
        <translation>Латинізація імені</translation>
    </message>
    <message>
        <source>Name inconsistent</source>
        <translation>Різне написання імені</translation>
    </message>
    <message>
        <source>Name not carried over</source>
        <translation>Ім’я не перенесено</translation>
    </message>
    <message>
        <source>Name not in glossary</source>
        <translation>Імені немає в глосарії</translation>
    </message>
    <message>
        <source>Number mismatch</source>
        <translation>Розбіжність у числах</translation>
    </message>
    <message>
        <source>Untranslated</source>
        <translation>Неперекладене</translation>
    </message>
    <message>
        <source>Omission</source>
        <translation>Пропуск</translation>
    </message>
    <message>
        <source>Spacing / punctuation</source>
        <translation>Пробіли / пунктуація</translation>
    </message>
    <message>
        <source>Back-translation drift</source>
        <translation>Відхилення у зворотному перекладі</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>Орфографія</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Glossary Conflict</source>
        <translation>Конфлікт у глосарії</translation>
    </message>
    <message>
        <source>Another editor changed this entry since you read the glossary.
Choose the version to keep (nothing is written until you choose).</source>
        <translation>Інший редактор змінив цю статтю після того, як ви прочитали глосарій.
Виберіть версію, яку залишити (нічого не буде записано, доки ви не виберете).</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Ваша версія</translation>
    </message>
    <message>
        <source>Their version (in the file now)</source>
        <translation>Їхня версія (зараз у файлі)</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>Залишити &amp;мою</translation>
    </message>
    <message>
        <source>Keep &amp;theirs</source>
        <translation>Залишити &amp;їхню</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Редагувати…</translation>
    </message>
    <message>
        <source>Edit the Entry to Keep</source>
        <translation>Відредагуйте статтю, яку залишити</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Articles (*.txt *.md *.html *.htm *.docx);;All files (*)</source>
        <translation>Статті (*.txt *.md *.html *.htm *.docx);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Verso review (*.verso)</source>
        <translation>Перевірка Verso (*.verso)</translation>
    </message>
    <message>
        <source>Plain text (*.txt);;Markdown (*.md);;HTML (*.html);;Word (*.docx)</source>
        <translation>Звичайний текст (*.txt);;Markdown (*.md);;HTML (*.html);;Word (*.docx)</translation>
    </message>
    <message>
        <source>Restore review</source>
        <translation>Відновити перевірку</translation>
    </message>
    <message>
        <source>Verso was closed without saving a review.

Restore the autosaved review?</source>
        <translation>Verso закрили, не зберігши перевірку.

Відновити автоматично збережену перевірку?</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>Файл змінено на диску</translation>
    </message>
    <message>
        <source>{path} was changed by someone else (or removed) since you opened it.

Overwrite it with your version? Choose No to keep their file and use Save As to save yours elsewhere; your edits stay open and in the autosave.</source>
        <translation>{path} хтось змінив (або видалив) після того, як ви його відкрили.

Перезаписати його вашою версією? Виберіть «Ні», щоб залишити їхній файл, і скористайтеся «Зберегти як», щоб зберегти свій деінде; ваші зміни залишаються відкритими та в автозбереженні.</translation>
    </message>
    <message>
        <source>Glossary named by the review</source>
        <translation>Глосарій, названий у рецензії</translation>
    </message>
    <message>
        <source>The review
{0}
names this glossary:
{1}

Open that file and check the review against it? Choose No to keep the glossary you have open.</source>
        <translation>Рецензія
{0}
називає цей глосарій:
{1}

Відкрити цей файл і перевірити рецензію за ним? Виберіть «Ні», щоб залишити відкритий глосарій.</translation>
    </message>
    <message>
        <source>Open the glossary the review names?</source>
        <translation>Відкрити глосарій, названий у рецензії?</translation>
    </message>
    <message>
        <source>Unsaved review</source>
        <translation>Незбережена перевірка</translation>
    </message>
    <message>
        <source>The review has changes that are not saved in a review file.</source>
        <translation>У перевірці є зміни, не збережені у файлі перевірки.</translation>
    </message>
    <message>
        <source>Save them before closing?</source>
        <translation>Зберегти їх перед закриттям?</translation>
    </message>
    <message>
        <source>Save them first?</source>
        <translation>Спершу зберегти їх?</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>preferred rendering | other accepted ones</source>
        <translation>бажаний відповідник | інші прийнятні</translation>
    </message>
    <message>
        <source>rejected renderings, separated by |</source>
        <translation>відхилені відповідники, через |</translation>
    </message>
    <message>
        <source>&amp;Source term:</source>
        <translation>&amp;Термін оригіналу:</translation>
    </message>
    <message>
        <source>&amp;Rendering:</source>
        <translation>&amp;Відповідник:</translation>
    </message>
    <message>
        <source>&amp;Forbidden:</source>
        <translation>&amp;Заборонені:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Примітка:</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>&amp;Автор:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Дата:</translation>
    </message>
    <message>
        <source>The source term is empty.</source>
        <translation>Термін оригіналу порожній.</translation>
    </message>
    <message>
        <source>Give at least one rendering.</source>
        <translation>Вкажіть принаймні один відповідник.</translation>
    </message>
    <message>
        <source>“{term}” cannot be both accepted and forbidden.</source>
        <translation>«{term}» не може бути водночас прийнятим і забороненим.</translation>
    </message>
</context>
<context>
    <name>FileOps</name>
    <message>
        <source>Glossary named by the review</source>
        <translation>Глосарій, названий у рецензії</translation>
    </message>
    <message>
        <source>The review names the glossary
{0}
Verso did not open it: {1}. The review opens with the glossary you have open.</source>
        <translation>Рецензія називає глосарій
{0}
Verso його не відкрив: {1}. Рецензія відкриється з глосарієм, який уже відкрито.</translation>
    </message>
    <message>
        <source>Open Review</source>
        <translation>Відкрити перевірку</translation>
    </message>
    <message>
        <source>Machine translation ready: {count} segments</source>
        <translation>Машинний переклад готовий: сегментів — {count}</translation>
    </message>
    <message>
        <source>Save Review</source>
        <translation>Зберегти перевірку</translation>
    </message>
    <message>
        <source>Not saved: the file was changed by someone else; use Save As.</source>
        <translation>Не збережено: файл змінив хтось інший; скористайтеся «Зберегти як».</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Збережено {path}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Експорт</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>Експортовано {path}</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Відновлення</translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message>
        <source>Find and Replace</source>
        <translation>Пошук і заміна</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Знайти</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Замінити на</translation>
    </message>
    <message>
        <source>Regular e&amp;xpression</source>
        <translation>Регулярний ви&amp;раз</translation>
    </message>
    <message>
        <source>&amp;Whole word</source>
        <translation>&amp;Ціле слово</translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation>З урахуванням &amp;регістру</translation>
    </message>
    <message>
        <source>&amp;Find Next</source>
        <translation>Знайти &amp;далі</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Замінити</translation>
    </message>
    <message>
        <source>Replace &amp;All</source>
        <translation>Замінити &amp;все</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>Find result</source>
        <translation>Результат пошуку</translation>
    </message>
    <message>
        <source>Fi&amp;nd:</source>
        <translation>&amp;Знайти:</translation>
    </message>
    <message>
        <source>Replace wit&amp;h:</source>
        <translation>Замінити &amp;на:</translation>
    </message>
    <message>
        <source>{n} match(es) in {m} segment(s)</source>
        <translation>Збігів: {n} у сегментах: {m}</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>Не знайдено.</translation>
    </message>
    <message>
        <source>Match {i} of {n}</source>
        <translation>Збіг {i} з {n}</translation>
    </message>
    <message>
        <source>Replace “{t}”</source>
        <translation>Заміна «{t}»</translation>
    </message>
    <message>
        <source>Replace all “{f}” with “{r}”</source>
        <translation>Заміна всіх «{f}» на «{r}»</translation>
    </message>
    <message>
        <source>Replaced in {n} segment(s).</source>
        <translation>Замінено в сегментах: {n}.</translation>
    </message>
</context>
<context>
    <name>GlossaryDialogs</name>
    <message>
        <source>Glossary Entry</source>
        <translation>Стаття глосарію</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(видалено)</translation>
    </message>
    <message>
        <source>rejects: {forms}</source>
        <translation>відхиляє: {forms}</translation>
    </message>
    <message>
        <source>note: {note}</source>
        <translation>примітка: {note}</translation>
    </message>
    <message>
        <source>Overwrite the Glossary?</source>
        <translation>Перезаписати глосарій?</translation>
    </message>
    <message>
        <source>Overwriting keeps only the entries Verso could read; the broken file is kept beside it as .broken-&lt;time&gt;. Overwrite anyway?</source>
        <translation>Під час перезапису залишаться лише статті, які Verso змогла прочитати; пошкоджений файл буде збережено поруч як .broken-&lt;час&gt;. Усе одно перезаписати?</translation>
    </message>
    <message>
        <source>Glossary Problems</source>
        <translation>Проблеми глосарію</translation>
    </message>
    <message>
        <source>New Glossary</source>
        <translation>Новий глосарій</translation>
    </message>
    <message>
        <source>Open Glossary</source>
        <translation>Відкрити глосарій</translation>
    </message>
</context>
<context>
    <name>GlossaryModel</name>
    <message>
        <source>Source</source>
        <translation>Оригінал</translation>
    </message>
    <message>
        <source>Rendering</source>
        <translation>Відповідник</translation>
    </message>
    <message>
        <source>Forbidden</source>
        <translation>Заборонені</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примітка</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Оновлено</translation>
    </message>
</context>
<context>
    <name>GlossaryPane</name>
    <message>
        <source>Search source, rendering, forbidden, note…</source>
        <translation>Пошук за оригіналом, відповідником, забороненими, приміткою…</translation>
    </message>
    <message>
        <source>Search the glossary</source>
        <translation>Пошук у глосарії</translation>
    </message>
    <message>
        <source>Glossary entries</source>
        <translation>Статті глосарію</translation>
    </message>
    <message>
        <source>Double-click an entry to edit it</source>
        <translation>Двічі клацніть статтю, щоб відредагувати її</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Додати…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Редагувати…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Видалити</translation>
    </message>
    <message>
        <source>Add an entry to the glossary</source>
        <translation>Додати статтю до глосарію</translation>
    </message>
    <message>
        <source>Edit the selected entry</source>
        <translation>Редагувати вибрану статтю</translation>
    </message>
    <message>
        <source>Delete the selected entry from the glossary</source>
        <translation>Видалити вибрану статтю з глосарію</translation>
    </message>
    <message>
        <source>Where the term occurs in this article</source>
        <translation>Де термін трапляється в цій статті</translation>
    </message>
    <message>
        <source>Activate a place to show it in the article</source>
        <translation>Активуйте місце, щоб показати його в статті</translation>
    </message>
    <message>
        <source>Where it occurs in this article:</source>
        <translation>Де трапляється в цій статті:</translation>
    </message>
    <message>
        <source>No glossary: Glossary &gt; New Glossary… or Open Glossary…</source>
        <translation>Немає глосарію: Глосарій &gt; Новий глосарій… або Відкрити глосарій…</translation>
    </message>
    <message>
        <source>source</source>
        <translation>оригінал</translation>
    </message>
    <message>
        <source>translation</source>
        <translation>переклад</translation>
    </message>
    <message>
        <source>forbidden</source>
        <translation>заборонено</translation>
    </message>
    <message>
        <source>Segment {number}, {side}: {text}</source>
        <translation>Сегмент {number}, {side}: {text}</translation>
    </message>
    <message>
        <source>(not in this article)</source>
        <translation>(немає в цій статті)</translation>
    </message>
</context>
<context>
    <name>GlossarySync</name>
    <message>
        <source>Glossary</source>
        <translation>Глосарій</translation>
    </message>
    <message>
        <source>The glossary is still loading.</source>
        <translation>Глосарій ще завантажується.</translation>
    </message>
    <message>
        <source>The glossary file was not changed: fix it first (Glossary &gt; Fix File…) or choose Overwrite Anyway.</source>
        <translation>Файл глосарію не змінено: спершу виправте його (Глосарій &gt; Виправити файл…) або виберіть «Усе одно перезаписати».</translation>
    </message>
</context>
<context>
    <name>GlossaryUi</name>
    <message>
        <source>Glossary</source>
        <translation>Глосарій</translation>
    </message>
    <message>
        <source>&amp;Glossary Pane</source>
        <translation>Панель &amp;глосарію</translation>
    </message>
    <message>
        <source>&amp;New Glossary…</source>
        <translation>&amp;Новий глосарій…</translation>
    </message>
    <message>
        <source>&amp;Open Glossary…</source>
        <translation>&amp;Відкрити глосарій…</translation>
    </message>
    <message>
        <source>&amp;Add Entry…</source>
        <translation>&amp;Додати статтю…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Перезавантажити</translation>
    </message>
    <message>
        <source>&amp;Fix File…</source>
        <translation>&amp;Виправити файл…</translation>
    </message>
    <message>
        <source>Over&amp;write Anyway…</source>
        <translation>Усе одно &amp;перезаписати…</translation>
    </message>
    <message>
        <source>&amp;Glossary</source>
        <translation>&amp;Глосарій</translation>
    </message>
    <message>
        <source>Glossary reloaded from disk.</source>
        <translation>Глосарій перечитано з диска.</translation>
    </message>
    <message>
        <source>&amp;Insert Term</source>
        <translation>&amp;Вставити термін</translation>
    </message>
    <message>
        <source>Insert the approved rendering of the segment&apos;s selected term at the cursor</source>
        <translation>Вставити затверджений відповідник вибраного терміна сегмента в позицію курсора</translation>
    </message>
    <message>
        <source>Glossary server reconnected.</source>
        <translation>Зв’язок із сервером глосарію відновлено.</translation>
    </message>
    <message>
        <source>Glossary server unreachable ({0}); retrying. Your edits are kept.</source>
        <translation>Сервер глосарію недоступний ({0}); повторна спроба. Ваші зміни не втрачено.</translation>
    </message>
    <message>
        <source>Loading the article and its glossary…</source>
        <translation>Завантаження статті та її глосарію…</translation>
    </message>
    <message>
        <source>No glossary: Glossary &gt; New Glossary… or Open Glossary…</source>
        <translation>Немає глосарію: Глосарій &gt; Новий глосарій… або Відкрити глосарій…</translation>
    </message>
    <message>
        <source>Loading {path}…</source>
        <translation>Завантаження {path}…</translation>
    </message>
    <message>
        <source>Read-only: the file has problems (see the bar above).</source>
        <translation>Лише читання: у файлі є проблеми (див. панель вище).</translation>
    </message>
    <message>
        <source>{count} entries · {path}</source>
        <translation>Статей: {count} · {path}</translation>
    </message>
    <message>
        <source>The glossary cannot be saved until it is fixed. {problems}</source>
        <translation>Глосарій не можна зберегти, доки його не виправлено. {problems}</translation>
    </message>
    <message>
        <source>Fix File…</source>
        <translation>Виправити файл…</translation>
    </message>
    <message>
        <source>Overwrite Anyway…</source>
        <translation>Усе одно перезаписати…</translation>
    </message>
    <message>
        <source>  (1 of {count})</source>
        <translation>  (1 з {count})</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Додати…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Відхилити</translation>
    </message>
    <message>
        <source>Add to Glossary</source>
        <translation>Додати до глосарію</translation>
    </message>
    <message>
        <source>Added “{term}” to the glossary.</source>
        <translation>«{term}» додано до глосарію.</translation>
    </message>
    <message>
        <source>New Glossary Entry</source>
        <translation>Нова стаття глосарію</translation>
    </message>
    <message>
        <source>Edit Glossary Entry</source>
        <translation>Редагування статті глосарію</translation>
    </message>
    <message>
        <source>Fix the file in a text editor or spreadsheet and save it: Verso reloads it by itself.</source>
        <translation>Виправте файл у текстовому редакторі чи електронній таблиці та збережіть: Verso перечитає його сама.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Identifier</source>
        <translation>Ідентифікатор</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категорія</translation>
    </message>
    <message>
        <source>Default severity</source>
        <translation>Типова важливість</translation>
    </message>
    <message>
        <source>optional, run on request</source>
        <translation>необов’язкова, запускається на вимогу</translation>
    </message>
    <message>
        <source>What it finds</source>
        <translation>Що вона знаходить</translation>
    </message>
    <message>
        <source>Why, and how to fix it</source>
        <translation>Чому це важливо і як виправити</translation>
    </message>
    <message>
        <source>A false alarm?</source>
        <translation>Хибна тривога?</translation>
    </message>
    <message>
        <source>Edit &gt; Ignore Issue hides it for this review; the ignore is saved with the review and can be undone. On the command line, --exclude %1 skips the check.</source>
        <translation>Зміни &gt; Ігнорувати проблему приховує її в цій перевірці; ігнорування зберігається разом із перевіркою, і його можна скасувати. У командному рядку --exclude %1 пропускає цю перевірку.</translation>
    </message>
    <message>
        <source>Verso Help</source>
        <translation>Довідка Verso</translation>
    </message>
    <message>
        <source>Help topics</source>
        <translation>Розділи довідки</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Клавіатурні скорочення</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Скорочення</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Перевірки</translation>
    </message>
    <message>
        <source>Help page of the check</source>
        <translation>Сторінка довідки перевірки</translation>
    </message>
</context>
<context>
    <name>IgnoreListDialog</name>
    <message>
        <source>Team Ignore List</source>
        <translation>Список ігнорування команди</translation>
    </message>
    <message>
        <source>Team ignore rules</source>
        <translation>Правила ігнорування команди</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Перевірка</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примітка</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Вилучити</translation>
    </message>
    <message>
        <source>Remove the selected rules</source>
        <translation>Вилучити вибрані правила</translation>
    </message>
    <message>
        <source>Issues listed here are never flagged, in any article checked with this glossary. Saved in {path}</source>
        <translation>Перелічені тут проблеми ніколи не позначаються в жодній статті, перевіреній із цим глосарієм. Збережено в {path}</translation>
    </message>
</context>
<context>
    <name>IssueActions</name>
    <message>
        <source>in the selected row</source>
        <translation>у вибраному рядку</translation>
    </message>
    <message>
        <source>at the cursor</source>
        <translation>у позиції курсора</translation>
    </message>
    <message>
        <source>Nothing to apply {where}: put the cursor on a highlighted word with a suggestion.</source>
        <translation>Нічого застосувати {where}: поставте курсор на виділене слово з пропозицією.</translation>
    </message>
    <message>
        <source>No issue {where}: put the cursor on a highlighted word.</source>
        <translation>Немає проблеми {where}: поставте курсор на виділене слово.</translation>
    </message>
    <message>
        <source>Nothing to apply: no suggestion, or the text changed.</source>
        <translation>Нічого застосувати: немає пропозиції або текст змінився.</translation>
    </message>
    <message>
        <source>Replaced “{text}” with “{suggestion}” in {count} segment(s).</source>
        <translation>«{text}» замінено на «{suggestion}» у сегментах: {count}.</translation>
    </message>
    <message>
        <source>Ignored by the team&apos;s list: edit it under Glossary &gt; Team Ignore List.</source>
        <translation>Проігноровано за списком команди: змініть його в Глосарій &gt; Список ігнорування команди.</translation>
    </message>
    <message>
        <source>Shown again: {m}</source>
        <translation>Знову показано: {m}</translation>
    </message>
    <message>
        <source>Ignored: {m}</source>
        <translation>Проігноровано: {m}</translation>
    </message>
    <message>
        <source>No glossary term in this segment to insert.</source>
        <translation>У цьому сегменті немає терміна глосарію для вставлення.</translation>
    </message>
    <message>
        <source>Put the cursor in a translation segment first.</source>
        <translation>Спершу поставте курсор у сегмент перекладу.</translation>
    </message>
</context>
<context>
    <name>IssueModel</name>
    <message>
        <source>{severity} (ignored)</source>
        <translation>{severity} (проігноровано)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Важливість</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Перевірка</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Сегмент</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Пропозиція</translation>
    </message>
</context>
<context>
    <name>IssuePanel</name>
    <message>
        <source>Filter by status</source>
        <translation>Фільтр за станом</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Відкриті</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Проігноровані</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Усі</translation>
    </message>
    <message>
        <source>Filter by check</source>
        <translation>Фільтр за перевіркою</translation>
    </message>
    <message>
        <source>Filter by severity</source>
        <translation>Фільтр за важливістю</translation>
    </message>
    <message>
        <source>Show only the issues of one check</source>
        <translation>Показувати проблеми лише однієї перевірки</translation>
    </message>
    <message>
        <source>Filter by severity: show only the issues of one severity</source>
        <translation>Фільтр за важливістю: показувати проблеми лише однієї важливості</translation>
    </message>
    <message>
        <source>Show the open issues, the ignored ones, or all</source>
        <translation>Показати відкриті проблеми, проігноровані або всі</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Проблеми</translation>
    </message>
    <message>
        <source>Sort the list by check, with a count for each</source>
        <translation>Упорядкувати список за перевірками, з кількістю для кожної</translation>
    </message>
    <message>
        <source>Write the rows of the list to a CSV file</source>
        <translation>Записати рядки списку у файл CSV</translation>
    </message>
    <message>
        <source>The full message and suggestion of the selected issue</source>
        <translation>Повне повідомлення і пропозиція для вибраної проблеми</translation>
    </message>
    <message>
        <source>&amp;Apply suggestion</source>
        <translation>&amp;Застосувати пропозицію</translation>
    </message>
    <message>
        <source>Apply to a&amp;ll</source>
        <translation>Застосувати до &amp;всіх</translation>
    </message>
    <message>
        <source>Replace the flagged text with the suggestion</source>
        <translation>Замінити позначений текст пропозицією</translation>
    </message>
    <message>
        <source>Replace every occurrence of the flagged text in the article</source>
        <translation>Замінити кожне входження позначеного тексту в статті</translation>
    </message>
    <message>
        <source>Hide this false alarm for this review</source>
        <translation>Приховати цю хибну тривогу в цій перевірці</translation>
    </message>
    <message>
        <source>Check:</source>
        <translation>Перевірка:</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>Важливість:</translation>
    </message>
    <message>
        <source>&amp;Group by check</source>
        <translation>&amp;Групувати за перевіркою</translation>
    </message>
    <message>
        <source>Group issues by check</source>
        <translation>Групувати проблеми за перевіркою</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Експортувати &amp;CSV…</translation>
    </message>
    <message>
        <source>Export the listed issues as CSV</source>
        <translation>Експортувати показані проблеми як CSV</translation>
    </message>
    <message>
        <source>Issue list status</source>
        <translation>Стан списку проблем</translation>
    </message>
    <message>
        <source>Selected issue</source>
        <translation>Вибрана проблема</translation>
    </message>
    <message>
        <source>Issues by check</source>
        <translation>Проблеми за перевірками</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Показати:</translation>
    </message>
    <message>
        <source>All ({n})</source>
        <translation>Усі ({n})</translation>
    </message>
    <message>
        <source>Un-&amp;ignore</source>
        <translation>Скасувати &amp;ігнорування</translation>
    </message>
    <message>
        <source>&amp;Ignore</source>
        <translation>&amp;Ігнорувати</translation>
    </message>
    <message>
        <source>No issues match the filters.</source>
        <translation>Жодна проблема не відповідає фільтрам.</translation>
    </message>
    <message>
        <source>No open issues.</source>
        <translation>Немає відкритих проблем.</translation>
    </message>
    <message>
        <source>Segment {n} · {check}: {message}</source>
        <translation>Сегмент {n} · {check}: {message}</translation>
    </message>
    <message>
        <source>→ {s}</source>
        <translation>→ {s}</translation>
    </message>
    <message>
        <source>Export Issues</source>
        <translation>Експорт проблем</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Severity, check, segment, flagged text, message and suggestion of each issue</source>
        <translation>Важливість, перевірка, сегмент, позначений текст, повідомлення та пропозиція для кожної проблеми</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>Неочікувана помилка: {error}</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>Legend of check colours</source>
        <translation>Легенда кольорів перевірок</translation>
    </message>
    <message>
        <source>Highlight colour of: %1</source>
        <translation>Колір виділення: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open an article and its translation: File &gt; Open (Ctrl+O), or drop both files here.</source>
        <translation>Відкрийте статтю та її переклад: Файл &gt; Відкрити (Ctrl+O) або перетягніть обидва файли сюди.</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Перевірки</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>без назви</translation>
    </message>
    <message>
        <source>{errors} errors · {warnings} warnings · {info} info</source>
        <translation>помилок: {errors} · попереджень: {warnings} · приміток: {info}</translation>
    </message>
    <message>
        <source>&amp;Find and Replace…</source>
        <translation>&amp;Пошук і заміна…</translation>
    </message>
    <message>
        <source>Find and replace in every translated segment</source>
        <translation>Знайти й замінити в кожному перекладеному сегменті</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Глосарій</translation>
    </message>
    <message>
        <source>{0} glossary edit(s) wait for the glossary server, which cannot be reached; they are saved as soon as it is back. Close the window again to discard them.</source>
        <translation>Змін у глосарії, що чекають на сервер глосарію (він недоступний): {0}; їх буде збережено, щойно він повернеться. Закрийте вікно ще раз, щоб відкинути їх.</translation>
    </message>
    <message>
        <source>Export Issues</source>
        <translation>Експорт проблем</translation>
    </message>
    <message>
        <source>Issues written to {path}</source>
        <translation>Проблеми записано в {path}</translation>
    </message>
</context>
<context>
    <name>MarkerBar</name>
    <message>
        <source>Issues in the article: click to jump</source>
        <translation>Проблеми в статті: клацніть, щоб перейти</translation>
    </message>
    <message>
        <source>Issue markers</source>
        <translation>Позначки проблем</translation>
    </message>
    <message>
        <source>One tick per issue at its place in the article; click to jump to it</source>
        <translation>Одна позначка на проблему в її місці статті; клацніть, щоб перейти до неї</translation>
    </message>
</context>
<context>
    <name>MetricsPanel</name>
    <message>
        <source>Segment</source>
        <translation>Сегмент</translation>
    </message>
    <message>
        <source>Words changed</source>
        <translation>Змінено слів</translation>
    </message>
    <message>
        <source> · {minutes} min in review</source>
        <translation> · {minutes} хв у перевірці</translation>
    </message>
    <message>
        <source>Article: HTER {hter} · chrF {chrf} · BLEU {bleu} · {edited} of {total} segments edited · {words} words changed</source>
        <translation>Стаття: HTER {hter} · chrF {chrf} · BLEU {bleu} · відредаговано {edited} з {total} сегментів · змінено слів: {words}</translation>
    </message>
    <message>
        <source>No review open.</source>
        <translation>Жодну перевірку не відкрито.</translation>
    </message>
    <message>
        <source>Edit distance per segment</source>
        <translation>Відстань редагування за сегментами</translation>
    </message>
    <message>
        <source>HTER, chrF and BLEU of each segment&apos;s MT against its text now</source>
        <translation>HTER, chrF і BLEU машинного перекладу кожного сегмента порівняно з його поточним текстом</translation>
    </message>
    <message>
        <source>Article metrics</source>
        <translation>Метрики статті</translation>
    </message>
    <message>
        <source>HTER, chrF, BLEU and edits of the whole article</source>
        <translation>HTER, chrF, BLEU та зміни всієї статті</translation>
    </message>
</context>
<context>
    <name>MtUi</name>
    <message>
        <source>Translate Source Article</source>
        <translation>Перекласти статтю-оригінал</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Метрики</translation>
    </message>
    <message>
        <source>Open &amp;Bilingual File…</source>
        <translation>Відкрити &amp;двомовний файл…</translation>
    </message>
    <message>
        <source>Open an XLIFF or TMX file as a review</source>
        <translation>Відкрити файл XLIFF або TMX як перевірку</translation>
    </message>
    <message>
        <source>Export Bi&amp;lingual File…</source>
        <translation>Експортувати дво&amp;мовний файл…</translation>
    </message>
    <message>
        <source>Write the review as XLIFF 1.2, XLIFF 2.0 or TMX</source>
        <translation>Записати перевірку як XLIFF 1.2, XLIFF 2.0 або TMX</translation>
    </message>
    <message>
        <source>Export &amp;QA Report…</source>
        <translation>Експортувати &amp;звіт QA…</translation>
    </message>
    <message>
        <source>Issues with their status, metrics, glossary additions</source>
        <translation>Проблеми з їхнім станом, метрики, додане до глосарію</translation>
    </message>
    <message>
        <source>&amp;Translate Source…</source>
        <translation>&amp;Перекласти оригінал…</translation>
    </message>
    <message>
        <source>Machine-translate an article and review the result</source>
        <translation>Машинно перекласти статтю й перевірити результат</translation>
    </message>
    <message>
        <source>&amp;Back-translation Check…</source>
        <translation>Перевірка &amp;зворотним перекладом…</translation>
    </message>
    <message>
        <source>Translate the target back and flag drifting segments</source>
        <translation>Перекласти переклад назад і позначити сегменти, що відхилилися</translation>
    </message>
    <message>
        <source>&amp;Spelling Check</source>
        <translation>&amp;Перевірка правопису</translation>
    </message>
    <message>
        <source>Words of the translation no English dictionary knows</source>
        <translation>Слова перекладу, яких не знає жоден англійський словник</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Інструменти</translation>
    </message>
    <message>
        <source>Translate Source</source>
        <translation>Переклад оригіналу</translation>
    </message>
    <message>
        <source>Back-translation Check</source>
        <translation>Перевірка зворотним перекладом</translation>
    </message>
    <message>
        <source>Back-translating {count} segments with {provider}…</source>
        <translation>Зворотний переклад {count} сегментів через {provider}…</translation>
    </message>
    <message>
        <source>Spelling Check</source>
        <translation>Перевірка правопису</translation>
    </message>
    <message>
        <source>Checking the spelling of the translation…</source>
        <translation>Перевіряємо правопис перекладу…</translation>
    </message>
    <message>
        <source>Spelling check: {count} word(s) to look at</source>
        <translation>Перевірка правопису: слів, на які варто поглянути: {count}</translation>
    </message>
    <message>
        <source>Back-translation check: {count} segment(s) to read again</source>
        <translation>Перевірка зворотним перекладом: сегментів для повторного читання — {count}</translation>
    </message>
</context>
<context>
    <name>OpenPairDialog</name>
    <message>
        <source>Open Source and Translation</source>
        <translation>Відкрити оригінал і переклад</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>необов’язково</translation>
    </message>
    <message>
        <source>Source article file</source>
        <translation>Файл статті-оригіналу</translation>
    </message>
    <message>
        <source>Translation file</source>
        <translation>Файл перекладу</translation>
    </message>
    <message>
        <source>Glossary file (optional)</source>
        <translation>Файл глосарію (необов’язково)</translation>
    </message>
    <message>
        <source>&amp;Source article:</source>
        <translation>&amp;Стаття-оригінал:</translation>
    </message>
    <message>
        <source>&amp;Translation:</source>
        <translation>&amp;Переклад:</translation>
    </message>
    <message>
        <source>&amp;Glossary:</source>
        <translation>&amp;Глосарій:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Огляд…</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Виберіть файл</translation>
    </message>
    <message>
        <source>Choose the source article: a file that exists.</source>
        <translation>Виберіть статтю-оригінал: файл, що існує.</translation>
    </message>
    <message>
        <source>Choose the translation: a file that exists.</source>
        <translation>Виберіть переклад: файл, що існує.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Відкрити</translation>
    </message>
</context>
<context>
    <name>Proposals</name>
    <message>
        <source>Add to glossary: {source} → {target}</source>
        <translation>Додати до глосарію: {source} → {target}</translation>
    </message>
    <message>
        <source> (rejects {forms})</source>
        <translation> (відхиляє {forms})</translation>
    </message>
</context>
<context>
    <name>ProviderForm</name>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Постачальник:</translation>
    </message>
    <message>
        <source>Server URL:</source>
        <translation>URL сервера:</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Час очікування:</translation>
    </message>
    <message>
        <source>API key: set it in Edit &gt; Settings (kept in the system keyring, never in a file), or in the environment variable {variable}.</source>
        <translation>Ключ API: задайте його в Зміни &gt; Налаштування (зберігається в системному сховищі ключів, ніколи у файлі) або у змінній середовища {variable}.</translation>
    </message>
    <message>
        <source>No API key needed.</source>
        <translation>Ключ API не потрібен.</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>HTML report (*.html);;Excel workbook (*.xlsx);;CSV tables (*.csv)</source>
        <translation>Звіт HTML (*.html);;Книга Excel (*.xlsx);;Таблиці CSV (*.csv)</translation>
    </message>
    <message>
        <source>Bilingual files (*.xlf *.xliff *.sdlxliff *.mqxliff *.xlf2 *.tmx);;All files (*)</source>
        <translation>Двомовні файли (*.xlf *.xliff *.sdlxliff *.mqxliff *.xlf2 *.tmx);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Export QA Report</source>
        <translation>Експорт звіту QA</translation>
    </message>
    <message>
        <source>Wrote QA report {path}</source>
        <translation>Звіт QA записано: {path}</translation>
    </message>
    <message>
        <source>Open Bilingual File</source>
        <translation>Відкрити двомовний файл</translation>
    </message>
    <message>
        <source>Export Bilingual File</source>
        <translation>Експорт двомовного файлу</translation>
    </message>
    <message>
        <source>Exported {path} ({format})</source>
        <translation>Експортовано {path} ({format})</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>Edit segment</source>
        <translation>Редагування сегмента</translation>
    </message>
    <message>
        <source>Apply “{suggestion}”</source>
        <translation>Застосувати «{suggestion}»</translation>
    </message>
    <message>
        <source>Apply “{suggestion}” to all</source>
        <translation>Застосувати «{suggestion}» до всіх</translation>
    </message>
</context>
<context>
    <name>SegmentEditor</name>
    <message>
        <source>Ignored issue</source>
        <translation>Проігнорована проблема</translation>
    </message>
</context>
<context>
    <name>SegmentStatusUi</name>
    <message>
        <source>&amp;Confirm Segment</source>
        <translation>&amp;Підтвердити сегмент</translation>
    </message>
    <message>
        <source>Mark the segment as reviewed and go to the next unconfirmed one</source>
        <translation>Позначити сегмент як перевірений і перейти до наступного непідтвердженого</translation>
    </message>
    <message>
        <source>U&amp;nconfirm Segment</source>
        <translation>Скасувати &amp;підтвердження сегмента</translation>
    </message>
    <message>
        <source>Take back the confirmation of the segment</source>
        <translation>Зняти підтвердження із сегмента</translation>
    </message>
    <message>
        <source>Next &amp;Unconfirmed Segment</source>
        <translation>Наступний &amp;непідтверджений сегмент</translation>
    </message>
    <message>
        <source>Go to the next segment not yet confirmed</source>
        <translation>Перейти до наступного ще не підтвердженого сегмента</translation>
    </message>
    <message>
        <source>Next Segment with &amp;Errors</source>
        <translation>Наступний сегмент із &amp;помилками</translation>
    </message>
    <message>
        <source>Go to the next segment that has an open error</source>
        <translation>Перейти до наступного сегмента з відкритою помилкою</translation>
    </message>
    <message>
        <source>Confirmed segments</source>
        <translation>Підтверджені сегменти</translation>
    </message>
    <message>
        <source>{n} of {m} confirmed</source>
        <translation>Підтверджено {n} з {m}</translation>
    </message>
    <message>
        <source>Put the cursor in a segment first.</source>
        <translation>Спершу поставте курсор у сегмент.</translation>
    </message>
    <message>
        <source>Every segment is confirmed.</source>
        <translation>Усі сегменти підтверджено.</translation>
    </message>
    <message>
        <source>No segment has open errors.</source>
        <translation>Жоден сегмент не має відкритих помилок.</translation>
    </message>
</context>
<context>
    <name>SegmentTerms</name>
    <message>
        <source>Glossary terms of the current segment</source>
        <translation>Терміни глосарію поточного сегмента</translation>
    </message>
    <message>
        <source>Each term with its status; Ctrl+Shift+T inserts the selected rendering</source>
        <translation>Кожен термін зі своїм статусом; Ctrl+Shift+T вставляє вибраний переклад</translation>
    </message>
    <message>
        <source>Put the cursor in a segment to see its terms.</source>
        <translation>Поставте курсор у сегмент, щоб побачити його терміни.</translation>
    </message>
    <message>
        <source>Segment {n}: {count} term(s) · Ctrl+Shift+T inserts the selected one</source>
        <translation>Сегмент {n}: термінів — {count} · Ctrl+Shift+T вставляє вибраний</translation>
    </message>
    <message>
        <source>✓ used</source>
        <translation>✓ ужито</translation>
    </message>
    <message>
        <source>✗ forbidden rendering used</source>
        <translation>✗ ужито заборонений відповідник</translation>
    </message>
    <message>
        <source>… not in the translation</source>
        <translation>… немає в перекладі</translation>
    </message>
</context>
<context>
    <name>SetIgnored</name>
    <message>
        <source>Ignore “{text}”</source>
        <translation>Ігнорувати «{text}»</translation>
    </message>
    <message>
        <source>Show “{text}” again</source>
        <translation>Знову показати «{text}»</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <source>Written into the glossary entries you add</source>
        <translation>Записується в статті глосарію, які ви додаєте</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Як у системі</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Системна</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Світла</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Темна</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Висококонтрастна</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>None: the last glossary opened</source>
        <translation>Не вказано: останній відкритий глосарій</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Огляд…</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Загальні</translation>
    </message>
    <message>
        <source>Author name:</source>
        <translation>Ім’я автора:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Мова:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <source>Autosave after:</source>
        <translation>Автозбереження через:</translation>
    </message>
    <message>
        <source>Default glossary:</source>
        <translation>Типовий глосарій:</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Перевірити з’єднання</translation>
    </message>
    <message>
        <source>Machine translation</source>
        <translation>Машинний переклад</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Постачальник:</translation>
    </message>
    <message>
        <source>Server URL:</source>
        <translation>URL сервера:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>Ключ API:</translation>
    </message>
    <message>
        <source>Author name</source>
        <translation>Ім’я автора</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Мова інтерфейсу</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Autosave interval in seconds</source>
        <translation>Інтервал автозбереження в секундах</translation>
    </message>
    <message>
        <source>Default glossary file</source>
        <translation>Файл типового глосарію</translation>
    </message>
    <message>
        <source>Browse for the default glossary</source>
        <translation>Вибрати типовий глосарій</translation>
    </message>
    <message>
        <source>Machine translation provider</source>
        <translation>Постачальник машинного перекладу</translation>
    </message>
    <message>
        <source>Machine translation server URL</source>
        <translation>URL сервера машинного перекладу</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Ключ API</translation>
    </message>
    <message>
        <source>Stored in the system keyring, never in a file</source>
        <translation>Зберігається в системному сховищі ключів, ніколи у файлі</translation>
    </message>
    <message>
        <source>No API key needed.</source>
        <translation>Ключ API не потрібен.</translation>
    </message>
    <message>
        <source>Stored in the system keyring</source>
        <translation>Збережено в системному сховищі ключів</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Не задано</translation>
    </message>
    <message>
        <source>The key is kept in the system keyring (service “verso”), never in a file; the environment variable %1 overrides it.</source>
        <translation>Ключ зберігається в системному сховищі ключів (служба «verso»), ніколи у файлі; змінна середовища %1 має перевагу над ним.</translation>
    </message>
    <message>
        <source>Default glossary</source>
        <translation>Типовий глосарій</translation>
    </message>
    <message>
        <source>Glossaries (*.tsv *.csv *.tbx *.txt);;All files (*)</source>
        <translation>Глосарії (*.tsv *.csv *.tbx *.txt);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>З’єднання…</translation>
    </message>
    <message>
        <source>Connected: “%1” → “%2”</source>
        <translation>З’єднано: «%1» → «%2»</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Не вдалося: %1</translation>
    </message>
    <message>
        <source>The key could not be stored in the system keyring: %1</source>
        <translation>Не вдалося зберегти ключ у системному сховищі ключів: %1</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <source>error</source>
        <translation>помилка</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>попередження</translation>
    </message>
    <message>
        <source>info</source>
        <translation>примітка</translation>
    </message>
</context>
<context>
    <name>TeamIgnoresUi</name>
    <message>
        <source>Ignore in &amp;Every Article</source>
        <translation>Ігнорувати в &amp;кожній статті</translation>
    </message>
    <message>
        <source>Add this check and text to the team&apos;s ignore list beside the glossary</source>
        <translation>Додати цю перевірку й текст до списку ігнорування команди поруч із глосарієм</translation>
    </message>
    <message>
        <source>Team &amp;Ignore List…</source>
        <translation>Список &amp;ігнорування команди…</translation>
    </message>
    <message>
        <source>List and edit what the team never wants flagged</source>
        <translation>Переглянути й змінити те, що команда ніколи не хоче бачити позначеним</translation>
    </message>
    <message>
        <source>Team Ignore List</source>
        <translation>Список ігнорування команди</translation>
    </message>
    <message>
        <source>No issue here to ignore.</source>
        <translation>Тут немає проблеми для ігнорування.</translation>
    </message>
    <message>
        <source>Open a glossary first: the team list is kept beside it.</source>
        <translation>Спершу відкрийте глосарій: список команди зберігається поруч із ним.</translation>
    </message>
    <message>
        <source>“{text}” is no longer flagged by this check in any article.</source>
        <translation>«{text}» більше не позначається цією перевіркою в жодній статті.</translation>
    </message>
</context>
<context>
    <name>TranslateDialog</name>
    <message>
        <source>Unexpected error during translation: {error}</source>
        <translation>Неочікувана помилка під час перекладу: {error}</translation>
    </message>
    <message>
        <source>Translate Source</source>
        <translation>Переклад оригіналу</translation>
    </message>
    <message>
        <source>{count} segments, {source} → {target}</source>
        <translation>Сегментів: {count}, {source} → {target}</translation>
    </message>
    <message>
        <source>Source segments and their machine translation</source>
        <translation>Сегменти оригіналу та їхній машинний переклад</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Оригінал</translation>
    </message>
    <message>
        <source>Machine translation</source>
        <translation>Машинний переклад</translation>
    </message>
    <message>
        <source>&amp;Translate</source>
        <translation>&amp;Перекласти</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Скасувати</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>Translating with {provider}…</source>
        <translation>Переклад через {provider}…</translation>
    </message>
    <message>
        <source>Cancelling after the current segment…</source>
        <translation>Скасування після поточного сегмента…</translation>
    </message>
    <message>
        <source>Done: {count} segments translated.</source>
        <translation>Готово: перекладено сегментів — {count}.</translation>
    </message>
    <message>
        <source>Translation failed: {error}</source>
        <translation>Переклад не вдався: {error}</translation>
    </message>
</context>
<context>
    <name>WindowExtras</name>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Налаштування…</translation>
    </message>
    <message>
        <source>Author name, language, theme, autosave, glossary, MT provider</source>
        <translation>Ім’я автора, мова, тема, автозбереження, глосарій, постачальник МП</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message>
        <source>Verso &amp;Help</source>
        <translation>&amp;Довідка Verso</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Клавіатурні скорочення</translation>
    </message>
    <message>
        <source>What the &amp;Checks Mean</source>
        <translation>Що означають &amp;перевірки</translation>
    </message>
    <message>
        <source>&amp;About Verso</source>
        <translation>&amp;Про Verso</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Про &amp;Qt</translation>
    </message>
    <message>
        <source>The new language takes effect when Verso restarts.</source>
        <translation>Нова мова набуде чинності після перезапуску Verso.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Налаштування збережено.</translation>
    </message>
</context>
<context>
    <name>WindowOpening</name>
    <message>
        <source>Open</source>
        <translation>Відкриті</translation>
    </message>
    <message>
        <source>Loading the article and glossary, then checking…</source>
        <translation>Завантаження статті та глосарію, потім перевірка…</translation>
    </message>
    <message>
        <source>Loading and checking…</source>
        <translation>Завантаження і перевірка…</translation>
    </message>
    <message>
        <source>The source article cannot be used</source>
        <translation>Статтю-оригінал не можна використати</translation>
    </message>
    <message>
        <source>The translation cannot be used</source>
        <translation>Переклад не можна використати</translation>
    </message>
</context>
</TS>
