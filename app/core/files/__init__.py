"""Reading files: articles (txt, md, html, docx), bilingual files, encodings, safe writes."""
