"""Printed matter as PDF: bilingual certificates of participation (``certificate``), name
badges with tent cards for the table (``badge``), and each delegation's agenda booklet (cover,
day pages, each member's itinerary: ``booklets``); what they share is ``drawing``.

Text is set in the Bitstream Vera fonts that ship with reportlab, embedded in the file, so
Spanish prints on any printer. Nothing personal is printed: no identity or passport numbers, no
birth dates, no participant's phone or e-mail; the only phones are the contacts of drivers and
hosts on an itinerary. A file is written under a temporary name in the target's folder and
renamed once complete, so a failure or a cancel never leaves half a PDF behind.
"""

from planner.exports.pdf.badge import badges
from planner.exports.pdf.booklets import booklet
from planner.exports.pdf.certificate import certificates

__all__ = ["badges", "booklet", "certificates"]
