"""The demo's own words in Spanish, as the real event had them: ``planner demo PATH --lang es``
writes sessions "Módulo 1: …", "Receso", "Almuerzo", groups "Grupo A", the delegations, rooms,
places, positions and the budget's lines in Spanish. The demo is English unless asked (whatever
the computer's language), so scripts and tests see the same plan everywhere.

Every text value the demo writes passes through :func:`t`; one with a number in it is a
template translated before it is filled ("Group {letter}").
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

_language: contextvars.ContextVar[str] = contextvars.ContextVar("demo_language", default="en")


@contextlib.contextmanager
def demo_language(lang: str) -> Iterator[None]:
    token = _language.set("es" if lang == "es" else "en")
    try:
        yield
    finally:
        _language.reset(token)


def current_language() -> str:
    """The demo's language being written ("en" or "es")."""
    return _language.get()


def t(text: str) -> str:
    """``text`` in the demo's language (as it is when there is no translation: a name)."""
    return SPANISH.get(text, text) if _language.get() == "es" else text


SPANISH = {
    # what the training achieved
    "Pre-test": "Prueba inicial",
    "Post-test": "Prueba final",
    "Satisfaction questionnaire": "Encuesta de satisfacción",
    "More practical exercises at the border post.": (
        "Más ejercicios prácticos en el puesto fronterizo."
    ),
    "The case studies from Panama.": "Los estudios de caso de Panamá.",
    "Longer sessions on referral routes.": "Sesiones más largas sobre rutas de referencia.",
    # the plan
    "Training on Migration, Human Rights and Humanitarian Action at Borders": (
        "Capacitación sobre Migración, Derechos Humanos y Acción Humanitaria en Fronteras"
    ),
    "IOM Honduras": "OIM Honduras",
    "IOM": "OIM",
    # emergency contacts
    "Spouse": "Cónyuge",
    "Mother": "Madre",
    "Father": "Padre",
    "Sister": "Hermana",
    "Brother": "Hermano",
    "Daughter": "Hija",
    "Son": "Hijo",
    "Western Hemisphere Program": "Programa del Hemisferio Occidental",
    "Bureau of Population, Refugees and Migration (PRM), U.S. Department of State": (
        "Oficina de Población, Refugiados y Migración (PRM), Departamento de Estado de EE. UU."
    ),
    "Demo plan: the people are fictional.": "Plan de demostración: las personas son ficticias.",
    # organisations and delegations
    "National Border Service of Panama": "Servicio Nacional de Fronteras de Panamá",
    "National Migration Service of Panama": "Servicio Nacional de Migración de Panamá",
    "IOM Panama": "OIM Panamá",
    "National Directorate of Border Police Services": (
        "Dirección Nacional de Servicios Policiales Fronterizos"
    ),
    "Panama delegation{sfx}": "Delegación de Panamá{sfx}",
    "DNSPF trainees{sfx}": "Participantes de la DNSPF{sfx}",
    "IOM Honduras team{sfx}": "Equipo de la OIM Honduras{sfx}",
    "SENAFRONT, National Migration Service and IOM Panama trainers.": (
        "Capacitadores de SENAFRONT, el Servicio Nacional de Migración y la OIM Panamá."
    ),
    "Officers of the Honduran National Police's border services.": (
        "Agentes de los servicios fronterizos de la Policía Nacional de Honduras."
    ),
    "Organisers, logistics and drivers.": "Organización, logística y conductores.",
    "Group {letter}{sfx}": "Grupo {letter}{sfx}",
    # people
    "Spanish": "Español",
    "Spanish, English": "Español, inglés",
    "Vegetarian": "Vegetariana",
    "No pork": "Sin cerdo",
    "Commissioner, Citizen Security and Civil Affairs": (
        "Comisionado, Seguridad Ciudadana y Asuntos Civiles"
    ),
    "Instructor, Humanitarian Border Security Unit (USFROH)": (
        "Instructor(a), Unidad de Seguridad Fronteriza Humanitaria (USFROH)"
    ),
    "Instructor, psychological first aid": "Instructora, primeros auxilios psicológicos",
    "Legal adviser, human rights": "Asesor legal, derechos humanos",
    "Head, protection unit": "Jefa, unidad de protección",
    "Migration officer, child protection": "Oficial de migración, protección de la niñez",
    "Migration officer, counter-trafficking": "Oficial de migración, lucha contra la trata",
    "National Migration Management Officer": "Oficial Nacional de Gestión Migratoria",
    "Project assistant": "Asistente de proyecto",
    "Project officer": "Oficial de proyecto",
    "Logistics assistant": "Asistente de logística",
    "Driver": "Conductor",
    # the curriculum
    "Module {n}: {title}": "Módulo {n}: {title}",
    "Differentiated identification and protection of unaccompanied or separated children": (
        "Identificación diferenciada y protección de niñez no acompañada o separada"
    ),
    "Protection of LGBTIQ+ people in contexts of mobility": (
        "Protección de personas LGBTIQ+ en contextos de movilidad"
    ),
    "People living with HIV in contexts of mobility": (
        "Personas con VIH en contextos de movilidad"
    ),
    "Protection and assistance for victims of human trafficking": (
        "Protección y asistencia a víctimas de trata de personas"
    ),
    "Gender and migration": "Género y migración",
    "Principles of humanitarian assistance": "Principios de la asistencia humanitaria",
    "Psychological first aid": "Primeros auxilios psicológicos",
    "Protection and safe referrals": "Protección y referencia segura",
    "projector, flip chart": "proyector, rotafolio",
    # places and rooms
    "Training venue.": "Sede de la capacitación.",
    "stage, projector, sound system, microphones": (
        "tarima, proyector, equipo de sonido, micrófonos"
    ),
    "Lunch for all participants; no hire charge with the catering.": (
        "Almuerzo de todos los participantes; sin alquiler al contratar la alimentación."
    ),
    "Delegation hotel, 25 Nov - 2 Dec.": (
        "Hotel de la delegación, del 25 de noviembre al 2 de diciembre."
    ),
    "screen, videoconference": "pantalla, videoconferencia",
    "projector, screen, flip chart, sound system": (
        "proyector, pantalla, rotafolio, equipo de sonido"
    ),
    "Toncontín International Airport": "Aeropuerto Internacional Toncontín",
    "Palmerola International Airport": "Aeropuerto Internacional de Palmerola",
    "About 75 minutes from Tegucigalpa.": "A unos 75 minutos de Tegucigalpa.",
    "Las Manos border post": "Puesto fronterizo Las Manos",
    "Honduras–Nicaragua border, El Paraíso department": (
        "Frontera Honduras–Nicaragua, departamento de El Paraíso"
    ),
    "Crossing open roughly 06:00–18:00. Host clearance needed.": (
        "Paso abierto de 6:00 a. m. a 6:00 p. m. aproximadamente. Requiere autorización"
        " del anfitrión."
    ),
    "Lunch of the field tour.": "Almuerzo de la gira de campo.",
    "Centre for Attention to Irregular Migrants 'Francisco Paz', Danlí": (
        "Centro de Atención al Migrante Irregular «Francisco Paz», Danlí"
    ),
    "Run by the National Migration Institute; capacity 150–200.": (
        "A cargo del Instituto Nacional de Migración; capacidad de 150 a 200 personas."
    ),
    # hotel, flights and vans
    "Single": "Sencilla",
    "Breakfast included.": "Desayuno incluido.",
    "Van {n}{sfx}": "Microbús {n}{sfx}",
    "Air conditioning.": "Aire acondicionado.",
    "Panama City (PTY)": "Ciudad de Panamá (PTY)",
    "Return ticket: the fare is on the arrival.": (
        "Boleto de ida y vuelta: la tarifa va en la llegada."
    ),
    "Airport pick-up, {number}": "Recogida en el aeropuerto, {number}",
    "Airport drop-off, {number}": "Traslado al aeropuerto, {number}",
    "Sub-inspector in charge, DNSPF Las Manos": "Subinspector a cargo, DNSPF Las Manos",
    "Coordinator, INM CAMI Danlí": "Coordinación, INM CAMI Danlí",
    "Field tour": "Gira de campo",
    # the agenda
    "Preparatory meeting": "Reunión preparatoria",
    "Review of the agenda, groups and logistics with the trainers.": (
        "Revisión de la agenda, los grupos y la logística con los capacitadores."
    ),
    "Welcome dinner": "Cena de bienvenida",
    "Hotel restaurant": "Restaurante del hotel",
    "Opening ceremony": "Ceremonia de inauguración",
    "Coffee break": "Receso",
    "Terrace": "Terraza",
    "Lunch": "Almuerzo",
    "Closing ceremony and certificates": "Ceremonia de clausura y entrega de certificados",
    "Field tour: Las Manos border post and CAMI Danlí": "Gira de campo: Las Manos y CAMI Danlí",
    "Las Manos (El Paraíso) and Danlí": "Las Manos (El Paraíso) y Danlí",
    "Tegucigalpa → Danlí ~2 h by van; Danlí → Las Manos ~45 min. Two vans with drivers. Host"
    " clearance required at both sites.": (
        "Tegucigalpa → Danlí ~2 h en microbús; Danlí → Las Manos ~45 min. Dos microbuses con"
        " conductor. Se requiere autorización del anfitrión en ambos sitios."
    ),
    "Debriefing": "Reunión de cierre",
    # the budget
    "US Department of State, PRM (Western Hemisphere Program)": (
        "Departamento de Estado de EE. UU., PRM (Programa del Hemisferio Occidental)"
    ),
    "IOM Honduras, cost-sharing": "OIM Honduras, costos compartidos",
    "ICSC DSA for Honduras, Tegucigalpa.": "DSA de la CAPI para Honduras, Tegucigalpa.",
    "UN operational rate of exchange": "Tipo de cambio operacional de las Naciones Unidas",
    "Participant manuals, printed and bound": "Manuales de participantes, impresos y encuadernados",
    "Certificates of participation": "Certificados de participación",
    "copies": "ejemplares",
    "Roll-up banners with donor logos": "Banners enrollables con los logotipos del donante",
    "banners": "banners",
    "Fuel for the field tour to Las Manos and Danlí": (
        "Combustible para la gira de campo a Las Manos y Danlí"
    ),
    "Bank charges for per diem payments": "Comisiones bancarias por el pago de viáticos",
    "lump sum": "suma global",
}
