"""Notation readers: every way a document writes who does what, behind one interface.

A document's text is first split into lines, tables and an outline of headings (``outline``,
``tables``); then each heading's block, or each table, is read by the readers below. Decisions are
made per block (per table row), never per document.

Structure and block readers, in precedence order:

1. tables by structure (``ingest/tables.py`` finds them, ``table_rows.read_table`` reads them): a
   header row with a role / unit column (牵头单位, 主办单位, 责任单位, 责任处室, 协办单位, 指导部门…,
   words from ``roles.yaml`` and ``table_headers.yaml``); a task per row; numbered lines between rows
   name the rows after them. Table lines belong to no heading block.
2. ``blocks.BLOCK_READERS`` (``detect(block, ctx)`` / ``read(block, ctx)``), each run over the whole
   outline before the next; a block is read by the first that detects it:
   a. ``ProgressReport``: a block with a 落实情况 / 进展情况 line is one task (deadline in the heading);
   b. ``AttachmentList``: an attachment block whose heading repeats a body heading gives its units
      to the body's task;
   c. ``Annotated``: a block with inline annotations (below): every annotation, or every run of
      adjacent annotations, closes the sentences before it as one task; several per paragraph give
      several tasks;
   d. ``DeadlineOnly``: a leaf heading with a deadline and no annotation is a task where headings
      of its region and level are tasks (or anywhere, in a document without units and tables);
   e. ``LeadHeadedItem``: an item under a heading that names its lead (县商务局牵头的任务), stating
      nothing of its own, is that lead's task.

3. ``unit_sections``, after the blocks and tables: a section written unit by unit (three or more
   paragraphs "市A：牵头推进X、Y；配合市B做好Z。" under one heading) becomes the tasks its paragraphs
   name; a task whose lines each give one unit's part (市A：牵头负责…；/ 市B：负责…；) takes those
   roles, and a heading with such lines that no reader made a task becomes one.

Inline readers (``registry.INLINE_READERS``), earlier ones winning overlapping spans:

1. ``labels``: "责任单位：A、B", "〔牵头单位：A；责任单位：B〕", "【牵头单位】A";
2. ``clauses.find_bracketed``: "（A牵头，B配合）", "（A、B负责，排名第一的为牵头单位，下同）";
3. ``clauses.find_bare_lists``: "……。（A、B）", a bracketed list of known bodies closing a sentence;
4. ``clauses.find_dash_lists``: a numbered item's title, then its units after a long dash,
   "（一）推进X——省A（牵头）、省B";
5. ``clauses.find_marked_lines``: a line of units each with its role's mark, "A（主责）、B（协同）";
6. ``subjects.find_opening_subjects``: a numbered item opening with its unit, "1. 县A：负责推进X。";
7. ``clauses.find_prose``: whole sentences "由A牵头，B配合。", "A会同B负责。";
8. ``subjects.find``: "A要会同B<work>", "由A牵头，会同B<work>" — counted only after the last other
   annotation of its block (before one, it is the task's own words).

The readers run once over the whole text (``registry.annotations_by_block``: annotations never
cross a line) and each block gets the annotations inside it. A table's unit cell is read by
``registry.CELL_READERS`` (labels and prose clauses). Inside a recognised annotation a list item
that reads as a name (``units.reads_as_name``) is a unit even when no vocabulary knows it; the
pipeline reports it as a new unit name.

Every reader hands its role lists to ONE function, ``roles.assign_roles``. First-is-lead
declarations (``roles.first_is_lead_re``, built from ``roles.yaml``) govern the whole document
when they stand alone, and the annotation that holds them and every one after it otherwise.
Brackets are scanned by one module, ``brackets``.

A new notation is a new reader plus data: add it to the registry at its place in the order.
"""
