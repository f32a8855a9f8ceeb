"""The shared model of a list, built once per file and read by every rule.

The pipeline, in the order the data flows (each module imports only those above it):

1. ``document``: the decoded text, its lines, and the Markdown structure (``blocks`` scans the
   headings, fences, HTML regions and the tree of list items, on the same line table).
2. ``links`` and ``urls``: inline links and url folding; ``document_links``: where a link
   points (a heading anchor, a file); ``anchors``: the anchors headings make.
3. ``schema``: each ``format:`` block read as a template of the entry (the title, the fields
   with their accepted labels or their positional place) and the scope it governs;
   ``block_labels``: a block in another language (``biçim:``, ``格式:``) mapped to fields.
4. ``entries``: every list item in a scope read against its template: title, fields, labels.
5. ``habits``: how the entries really write each block, with counts (the evidence that
   overrules the block where the whole list agrees).
6. ``prose``, ``years`` and ``papers``: the words of the items, the year sections, and the
   entries as papers (for the duplicate rules); ``text``: the visible text of every line,
   headings, paragraphs and CJK text included (for AL409-AL412), built on ``links``;
   ``translations``: which files beside a list translate it, and the entries one has and the
   other lacks. ``inferred`` (beside ``habits``): the format of a list with no block, learnt
   from its items.

Nothing here reports anything: rules (``awesome_lint.rules``) turn the model into diagnostics.
"""
