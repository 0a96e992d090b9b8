"""Text in the PDFs' table cells breaks as a reader expects: never inside a phone number, and
a long email or address breaks where it reads best instead of running off the page."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from planner.exports.pdf.drawing import FONT, fonts, split_lines


def test_a_phone_number_stays_whole_on_its_line():
    fonts()
    lines = split_lines("conductor(a) Víctor Ramón Bonilla Ordóñez, +504 8757-9673", FONT, 8, 80)
    assert lines[-1] == "+504\u00a08757-9673"  # kept together by a space that does not break
    assert all(stringWidth(line, FONT, 8) <= 80 for line in lines)


def test_a_long_email_breaks_after_its_dots_and_at_sign_within_the_column():
    fonts()
    email = "coordinacion.regional@instituto-nacional-de-migracion.example.hn"
    lines = split_lines(email, FONT, 8, 80)
    assert "".join(lines) == email  # every letter printed, in order
    assert len(lines) > 1 and all(stringWidth(line, FONT, 8) <= 80 for line in lines)
    assert lines[0].endswith((".", "@", "-"))
    # with no place to break, as many letters as fit
    broken = split_lines("x" * 40, FONT, 8, 50)
    assert len(broken) > 1 and "".join(broken) == "x" * 40
    assert all(stringWidth(line, FONT, 8) <= 50 for line in broken)


def test_lines_and_paragraphs_are_kept():
    fonts()
    assert split_lines("Aula 1\nCentro", FONT, 8, 200) == ("Aula 1", "Centro")
    assert split_lines("", FONT, 8, 200) == ("",)
