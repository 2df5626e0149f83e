"""Bringing data into winback, previewed first and applied all or nothing.

``plan`` holds what every format shares: problems by file and line, the plan a preview shows, the guard
every upload passes, and applying a plan to the person's folder (with recovery after a crash). Each format
has its own module (``winback_zip``, which opens the zip through ``unzip``; ``daylio`` reads the CSV with
``daylio_cells`` for each cell, ``daylio_plan`` merges it into the daily log), and ``registry`` lists the
formats the Data & privacy page offers. Import from the module you need.
"""
