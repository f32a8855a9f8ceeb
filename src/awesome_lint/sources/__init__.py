"""Where a paper's record comes from: arXiv's export API, Crossref, or a BibTeX file.

``record.py`` is what every source gives (title, authors, year, venue, ids); ``bibtex.py`` reads
a ``.bib`` file with no network; ``arxiv.py`` and ``crossref.py`` read the services' answers;
``client.py`` asks the services within their terms (one connection, one request every few
seconds, ``Retry-After`` honoured); ``resolve.py`` turns what a user typed into a request.
"""
