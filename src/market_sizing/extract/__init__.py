"""The extractor: from a report's text (plain text, a saved HTML page, a PDF) to proposed seed rows.

Modules, one job each:

- `reading`: a document (text, HTML, PDF) to plain text, tables as `label | value` rows;
- `document`: text to its title, sections, sentences and table rows;
- `quantities`: money amounts (any currency) and percentages, qualifiers;
- `dating`: years and periods, the year of a size or share, the period of a CAGR;
- `taxonomy`: region and segment names from the seeds, and `placement`, the one member-to-row mapping;
- `context`: one sentence as the rules see it, and its clauses;
- `subjects`: the region or segment a figure or claim is about (subject and scope);
- `figures`: market sizes, CAGRs and shares of a sentence, with their review flags;
- `columns`: sizes in a year-by-column table;
- `claims`: claims (leads, fastest growing, gaining share, key market) and mentions;
- `scope`: the report's market name, market, geography and currency;
- `pipeline`: one report end to end (the report's forecast period, repeated figures);
- `rows`: the review directory (seed rows in the contract's columns, review and unclassified lists);
- `accept`: appending a reviewed proposal to the seeds;
- `evaluate`: precision and recall on the labelled corpus;
- `vocabulary`: the controlled vocabularies, from the input contract.
"""
