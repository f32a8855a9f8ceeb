"""Checking external links over the network: the one I/O layer behind AL503.

``check.check_urls(urls, settings)`` returns a ``result.LinkResult`` per url: from this run's
memory, from the on-disk cache (``cache``, ``--links-cache``) while fresh, else from the
network (``client``). The HTTP client (httpx, the ``links`` extra) is imported only there, only
when links are checked. ``result`` imports nothing of the project, so settings can name it.
"""
