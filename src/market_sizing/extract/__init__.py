"""The extractor: from a report's text (plain text, a saved HTML page, a PDF) to proposed seed rows.

Modules, one job each: `reading` (documents to text), `document` (sections, sentences, table rows),
`quantities` (money and percentages), `dating` (years and periods), `taxonomy` (names of regions and
segments, and the one member-to-row mapping), `subjects` (what a figure or claim is about), `figures`
(sizes, CAGRs, shares), `claims` (claims and mentions), `scope` (the report's market and geography),
`pipeline` (one report end to end), `rows` (the review directory), `accept` (appending to the seeds),
`evaluate` (precision and recall on the labelled corpus).
"""
