"""The list pages: one generic panel, and the columns of each domain's lists."""
