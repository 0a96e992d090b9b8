"""The PDF exports: certificates of participation, name badges with tent cards, and the agenda
booklet -- what they print, for whom, in which language, and what they never print."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from babel.numbers import format_decimal
from pypdf import PdfReader
from reportlab.lib.units import mm

from planner import operations
from planner.domain.errors import PlannerError
from planner.domain.labels import CONTACT_ROLES
from planner.exports import pdf
from planner.exports.catalog import run
from planner.exports.common import (
    Cancelled,
    Job,
    Options,
    PersonInfo,
    PlanData,
)
from planner.exports.pdf import drawing
from planner.operations.agenda import set_marks
from planner.queries.attendance import roll
from planner.store import open_plan


def pages(path: Path) -> list[str]:
    """Each page's text, with runs of white space made single spaces."""
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(path).pages]


def group_id(data: PlanData, name: str) -> int:
    return next(i for i, (n, _d) in data.groups.items() if n == name)


def delegation_id(data: PlanData, name: str) -> int:
    return next(i for i, (n, _c, _h) in data.delegations.items() if n == name)


def training_hours(data: PlanData, person: int) -> Decimal:
    """Worked out again here: exact minutes present at training, plenary and site-visit
    sessions, rounded half-up once to one decimal."""
    minutes = sum(
        data.agenda.blocks[s].minutes
        for s, marks in data.marks.items()
        if marks.get(person) and data.agenda.blocks[s].kind in ("training", "plenary", "site_visit")
    )
    return (Decimal(minutes) / 60).quantize(Decimal("0.1"), ROUND_HALF_UP)


def spanish_number(hours: Decimal, locale: str = "es_HN") -> str:
    return str(format_decimal(hours, format="#,##0.0", locale=locale))


def record_group_a(store) -> tuple[list[PersonInfo], PersonInfo, PersonInfo]:
    """Group A as the demo recorded it, plus: two more at the opening ceremony (not training
    time), one whose only mark is the opening, and one marked absent everywhere."""
    data = PlanData.load(store)
    members = data.sorted_people(data.members(("group", group_id(data, "Group A"))))
    opening = next(b for b in data.agenda.blocks.values() if b.title == "Opening ceremony")
    extra, once, absent = members[:2], members[2], members[3]
    for session, marks in data.marks.items():
        wanted = {p: False for p in (once.id, absent.id) if p in marks}
        if wanted:
            set_marks(store, session, wanted)
    set_marks(store, opening.id, {p.id: True for p in extra} | {once.id: True, absent.id: False})
    return extra, once, absent


def test_certificates_of_completion_numbered_with_own_days_and_hours(demo, tmp_path):
    extra, once, absent = record_group_a(demo)
    data = PlanData.load(demo)
    group = group_id(data, "Group A")
    path = pdf.certificates(demo, data, tmp_path / "certificates.pdf", Options(group=group), Job())
    text = pages(path)
    trained = data.training(data.members(("group", group))).trained
    expected = data.sorted_people(trained)
    # the ceremony alone is no training: who came only to it did not complete
    assert once not in expected and absent not in expected and extra[0] in expected
    assert len(text) == len(expected)  # one page each, in Spanish name order
    head = data.people[data.delegations[once.delegation_id][2]]
    numbers = []
    for page, person in zip(text, expected, strict=True):
        assert person.name in page and person.organisation in page
        assert "Certificate of completion" in page
        assert data.title in page and "Tegucigalpa" in page
        # the trainee's own training days, whole month names, in both languages
        assert "27–30 November 2023" in page and "27 al 30 de noviembre de 2023" in page
        hours = training_hours(data, person.id)
        assert f"{hours} hours of training" in page  # one decimal: 12.5, 24.0
        assert f"{spanish_number(hours)} horas de capacitación" in page
        numbers.append(re.search(r"No\. (TEG-2023-\d{4})", page).group(1))
        # signed by the organiser and by the head of the person's delegation
        assert "IOM Honduras" in page
        assert page.count(head.name) == 1  # the head signs everyone's but their own
        assert ("Head of delegation, DNSPF trainees" in page) is (person.id != head.id)
    assert len(set(numbers)) == len(numbers)
    by_name = {p.name: page for p, page in zip(expected, text, strict=True)}
    for person in extra:  # the opening ceremony adds no hours of training
        assert f"{training_hours(data, person.id)} hours" in by_name[person.name]
    again = pages(pdf.certificates(demo, data, tmp_path / "again.pdf", Options(group=group), Job()))
    assert [re.search(r"No\. (\S+)", page).group(1) for page in again] == numbers  # kept
    reader = PdfReader(path)
    assert reader.metadata.author == "IOM Honduras"
    assert data.title in reader.metadata.title and reader.metadata.subject
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    fonts = [f.get_object() for f in reader.pages[0]["/Resources"]["/Font"].values()]
    assert fonts and all("Vera" in f["/BaseFont"] for f in fonts)
    assert all("/FontFile2" in f["/FontDescriptor"] for f in fonts)  # embedded TrueType


def test_spanish_certificates_of_attendance_and_of_facilitation(demo, tmp_path):
    _extra, once, absent = record_group_a(demo)
    data = PlanData.load(demo)
    group = group_id(data, "Group A")
    path = pdf.certificates(
        demo,
        data,
        tmp_path / "certificados.pdf",
        Options(lang="es", group=group, attendance=True),
        Job(),
    )
    text = pages(path)
    came = data.training(data.members(("group", group))).attended
    assert len(text) == len(came) and once.id in came and absent.id not in came
    by_name = {p.name: t for p, t in zip(data.sorted_people(came), text, strict=True)}
    assert "Certificado de asistencia" in by_name[once.name]  # came, did not complete
    assert "27 de noviembre de 2023" in by_name[once.name]  # the one day they came
    assert "horas" not in by_name[once.name]  # the ceremony is no training
    trained = data.training(data.members(("group", group))).trained
    for person in data.sorted_people(came):
        kind = "finalización" if person.id in trained else "asistencia"
        assert f"Certificado de {kind}" in by_name[person.name]
    # a trainer: a certificate of facilitation, with the hours of the sessions given
    trainer = next(p for p in data.sorted_people() if p.role == "trainer")
    one = pages(pdf.certificates(demo, data, tmp_path / "t.pdf", Options(person=trainer.id), Job()))
    assert len(one) == 1 and "Certificate of facilitation" in one[0] and trainer.name in one[0]
    assert "hours of sessions given" in one[0]
    spain = pdf.certificates(
        demo,
        data,
        tmp_path / "pa.pdf",
        Options(lang="es", locale="es-PA", person=once.id, attendance=True),
        Job(),
    )
    assert "27 de noviembre de 2023" in pages(spain)[0]  # no padded day
    # split by person through the catalogue: a file for each who earns one
    files = run(demo, "certificates", tmp_path / "split", Options(split=True, group=group))
    assert len(files) == len(data.training(data.members(("group", group))).trained)


def test_certificates_need_recorded_attendance(plan, demo, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(PlannerError, match=r"Plan ▸ Record Attendance"):
        pdf.certificates(plan, PlanData.load(plan), out / "c.pdf", Options(), Job())
    _extra, _once, absent = record_group_a(demo)
    with pytest.raises(PlannerError, match=r"Record Attendance"):
        pdf.certificates(demo, PlanData.load(demo), out / "c.pdf", Options(person=absent.id), Job())
    assert list(out.iterdir()) == []


@pytest.fixture(scope="module")
def printed(demo_master, tmp_path_factory) -> Iterator[tuple[PlanData, dict[str, list[str]]]]:
    """The demo with everyone at the opening, printed once for several tests: certificates of
    a group of trainees, the badges of both delegations with phones to call (drivers,
    logistics), and the Panamanian delegation's booklet."""
    folder = tmp_path_factory.mktemp("printed")
    shutil.copyfile(demo_master, folder / "demo.dplan")
    store = open_plan(folder / "demo.dplan")
    try:
        data = PlanData.load(store)
        opening = next(b for b in data.agenda.blocks.values() if b.title == "Opening ceremony")
        set_marks(store, opening.id, {a.person_id: True for a in roll(store, opening.id).attendees})
        data = PlanData.load(store)
        panama = Options(delegation=delegation_id(data, "Panama delegation"))
        iom = Options(delegation=delegation_id(data, "IOM Honduras team"))
        trainees = Options(group=group_id(data, "Group B"))
        files = {
            "booklet": pdf.booklet(store, data, folder / "booklet.pdf", panama, Job()),
            "certificates-b": pdf.certificates(store, data, folder / "c3.pdf", trainees, Job()),
            "badges-pa": pdf.badges(store, data, folder / "b1.pdf", panama, Job()),
            "badges-iom": pdf.badges(store, data, folder / "b2.pdf", iom, Job()),
        }
        yield data, {name: pages(path) for name, path in files.items()}
    finally:
        store.close()


def test_no_personal_data_in_any_pdf(printed):
    data, printouts = printed
    texts = {name: re.sub(r"\s+", "", " ".join(text)) for name, text in printouts.items()}
    assert len(printouts["certificates-b"]) == 50  # the whole group was at the opening
    leaks = []
    for person in data.people.values():
        needles = [person.id_number, person.email]
        if person.birth_date:
            born = person.birth_date
            needles += [born.isoformat(), f"{born:%d/%m/%Y}", f"{born:%m/%d/%Y}"]
        if person.role not in CONTACT_ROLES:
            needles.append(person.phone)
        for needle in filter(None, needles):
            compact = re.sub(r"\s+", "", needle)
            leaks += [
                (name, person.name, needle) for name, text in texts.items() if compact in text
            ]
    assert leaks == []
    # the drivers' phones are there to call, on the itineraries, and nowhere else
    drivers = [re.sub(r"\s+", "", p.phone) for p in data.people.values() if p.role == "driver"]
    assert any(phone in texts["booklet"] for phone in drivers)
    assert not any(phone in texts["badges-iom"] for phone in drivers)


def test_badges_and_tent_cards(demo, tmp_path):
    data = PlanData.load(demo)
    group = group_id(data, "Group A")
    people = data.sorted_people(data.members(("group", group)))
    path = pdf.badges(demo, data, tmp_path / "badges.pdf", Options(group=group), Job())
    reader = PdfReader(path)
    sheets = -(-len(people) // 8)
    assert len(reader.pages) == sheets + len(people)
    text = pages(path)
    first = text[0]
    for person in people[:8]:
        assert person.given_name in first and person.family_name in first
    assert "TRAINEE" in first and "DNSPF" in first
    assert people[8].family_name not in first
    page = reader.pages[0].mediabox
    assert page.height > page.width  # badges: A4 portrait
    for n, person in enumerate(people):
        tent = reader.pages[sheets + n].mediabox
        assert tent.width > tent.height  # tent cards: A4 landscape
        assert text[sheets + n].count(person.name) == 2  # on both halves
        assert person.organisation in text[sheets + n]
    everyone = run(demo, "badges", tmp_path / "all.pdf", Options())[0]
    taking_part = [p for p in data.people if p not in data.membership.gone]  # not who left
    assert len(PdfReader(everyone).pages) == -(-len(taking_part) // 8) + len(taking_part)


def test_long_names_shrink_to_fit():
    drawing.fonts()
    name = "María Fernanda de los Ángeles Ordóñez Zúniga"
    text, size = drawing.fit(name, drawing.BOLD, 26, 120 * mm, 10)
    assert text == name and 10 <= size < 26
    assert drawing.pdfmetrics.stringWidth(text, drawing.BOLD, size) <= 120 * mm
    text, size = drawing.fit(name * 4, drawing.BOLD, 26, 120 * mm, 10)
    assert size == 10 and text.endswith("…")
    assert drawing.clean("Hotel → Airport\u2009–\u20092 Dec") == "Hotel › Airport – 2 Dec"


def test_booklet_of_the_panamanian_delegation(printed, demo, tmp_path):
    data, printouts = printed
    panama = delegation_id(data, "Panama delegation")
    text = printouts["booklet"]
    cover, everything = text[0], " ".join(text)
    assert "Panama delegation" in cover and data.title in cover and "IOM Honduras" in cover
    assert "25 Nov – 2 Dec 2023" in cover and "Tegucigalpa" in cover
    assert "change no." in cover  # the line that tells two printouts apart
    assert "Saturday, 25 November 2023" in everything
    assert "No sessions for this delegation on this day." in everything
    for title in (
        "Preparatory meeting",
        "Opening ceremony",
        "Field tour: Las Manos border post",
        "Module 8: Protection and safe referrals",
        "Debriefing",
    ):
        assert title in everything
    members = data.sorted_people(data.members(("delegation", panama)))
    for person in members:
        assert f"Itinerary of {person.name}" in everything
    order = [everything.index(f"Itinerary of {p.name}") for p in members]
    assert order == sorted(order)  # Spanish name order
    assert "CM 421" in everything and "CM 422" in everything
    assert "Arrival: Copa Airlines" in everything and "Hotel Real Plaza" in everything
    assert all(f"page {n}" in page for n, page in enumerate(text, start=1))
    assert "Field tour: Las Manos border post and CAMI Danlí" in everything
    spanish = pdf.booklet(
        demo,
        PlanData.load(demo),
        tmp_path / "folleto.pdf",
        Options(lang="es", delegation=panama),
        Job(),
    )
    reader = PdfReader(spanish)
    assert reader.metadata.author == "IOM Honduras"
    assert "25 de noviembre de 2023" in reader.pages[1].extract_text()
    todo = " ".join(page.extract_text() for page in reader.pages)
    assert all(f"Itinerario de {person.name}" in todo for person in members)


def test_booklet_of_every_delegation_sorted_each_from_a_new_page(plan, tmp_path):
    for name, given in (("Zeta", "Zoe"), ("Alfa", "Ana")):
        dele = operations.create(plan, "delegation", {"name": name, "country": "PA"}).id
        operations.create(
            plan, "person", {"given_name": given, "family_name": "Núñez", "delegation_id": dele}
        )
    data = PlanData.load(plan)
    path = pdf.booklet(plan, data, tmp_path / "all.pdf", Options(all=True), Job())
    text = pages(path)
    covers = [n for n, page in enumerate(text) if "Agenda booklet" in page and "member" in page]
    assert [("Alfa" in text[n], "Zeta" in text[n]) for n in covers] == [
        (True, False),
        (False, True),
    ]
    assert "Nothing is planned for Ana Núñez yet." in " ".join(text[: covers[1]])
    assert "Zoe Núñez" in " ".join(text[covers[1] :])
    with pytest.raises(PlannerError, match="per delegation"):
        pdf.booklet(plan, data, tmp_path / "g.pdf", Options(person=min(data.people)), Job())
    # without --all, only the members who travel get an itinerary page (nobody travels here)
    short = pages(pdf.booklet(plan, data, tmp_path / "short.pdf", Options(), Job()))
    assert not any("Nothing is planned" in page for page in short)
    assert len(short) < len(text)


def test_a_plan_without_delegations_has_no_booklet(plan, tmp_path):
    data = PlanData.load(plan)
    with pytest.raises(PlannerError, match="no delegations"):
        pdf.booklet(plan, data, tmp_path / "b.pdf", Options(), Job())
    with pytest.raises(PlannerError, match="no people"):
        pdf.badges(plan, data, tmp_path / "b.pdf", Options(), Job())


@pytest.mark.parametrize("export", ["certificates", "badges", "booklet"])
def test_a_cancelled_export_leaves_no_file(demo, tmp_path, export):
    record_group_a(demo)
    data = PlanData.load(demo)
    panama = delegation_id(data, "Panama delegation")
    options = (
        Options(delegation=panama)
        if export == "booklet"
        else Options(group=group_id(data, "Group A"))
    )
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(Cancelled):
        getattr(pdf, export)(demo, data, folder / "x.pdf", options, Job(cancelled=lambda: True))
    assert list(folder.iterdir()) == []
    # cancelled half-way (pages already drawn): still nothing, and an older file is kept
    (folder / "x.pdf").write_bytes(b"older")
    calls: list[int] = []

    def later() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        getattr(pdf, export)(demo, data, folder / "x.pdf", options, Job(cancelled=later))
    assert [f.name for f in folder.iterdir()] == ["x.pdf"]
    assert (folder / "x.pdf").read_bytes() == b"older"
    # and progress is reported up to the end
    seen: list[tuple[int, int]] = []
    getattr(pdf, export)(
        demo,
        data,
        folder / "x.pdf",
        options,
        Job(progress=lambda done, total: seen.append((done, total))),
    )
    assert seen and seen[-1][0] == seen[-1][1]
    assert [done for done, _total in seen] == sorted(done for done, _total in seen)
    assert (folder / "x.pdf").read_bytes().startswith(b"%PDF")
    assert [f.name for f in folder.iterdir()] == ["x.pdf"]


def test_a_missing_folder_says_what_to_do(demo, tmp_path):
    data = PlanData.load(demo)
    with pytest.raises(PlannerError, match=r"does not exist\. Create it first"):
        pdf.badges(demo, data, tmp_path / "missing" / "badges.pdf", Options(), Job())
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize(
    ("kind", "limit", "divide"),
    [
        ("certificates", "MAX_PAGES", "one file per person"),
        ("badges", "MAX_PAGES", "one delegation or group at a time"),
        ("pdf", "BOOKLET_PAGES", "one file per delegation"),
    ],
)
def test_a_pdf_over_the_page_limit_is_refused_before_a_page_is_drawn(
    demo, tmp_path, monkeypatch, capsys, kind, limit, divide
):
    """reportlab holds every page until it saves: a whole plan of 200,000 people would take
    gigabytes, so a PDF over the limit is refused (exit 2) saying how to divide it, and one
    delegation's or group's still prints."""
    from planner.cli import main

    record_group_a(demo)
    monkeypatch.setattr(drawing, limit, 12)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "x.pdf"
    assert main(["export", kind, str(demo.path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "one PDF holds at most 12" in err and divide in err and "Traceback" not in err
    assert list(folder.iterdir()) == []  # not even a temporary file
    data = PlanData.load(demo)
    small = (
        ["--delegation", str(delegation_id(data, "Panama delegation"))]
        if kind == "pdf"
        else ["--group", str(group_id(data, "Group A"))]
    )
    monkeypatch.setattr(drawing, limit, 60)
    assert main(["export", kind, str(demo.path), "-o", str(out), *small]) == 0
    assert 0 < len(PdfReader(out).pages) <= 60


def test_every_pdf_embeds_every_font_it_names(demo, tmp_path):
    """No bare Helvetica (or any font the reader's machine must find): print shops and
    archives refuse such files, and a machine without it prints another font's widths."""
    from planner.exports.catalog import run
    from planner.queries import delegations

    panama = delegations(demo)[0].id
    for kind, options in (
        ("pdf", Options(lang="es", delegation=panama)),
        ("certificates", Options()),
        ("badges", Options(delegation=panama)),
    ):
        path = run(demo, kind, tmp_path / f"{kind}.pdf", options)[0]
        for page in PdfReader(str(path)).pages:
            for font in ((page.get("/Resources") or {}).get("/Font") or {}).values():
                font = font.get_object()
                descriptor = font.get("/FontDescriptor")
                embedded = bool(font.get("/DescendantFonts")) or (
                    descriptor is not None and "/FontFile2" in descriptor.get_object()
                )
                assert embedded, (kind, font.get("/BaseFont"))
