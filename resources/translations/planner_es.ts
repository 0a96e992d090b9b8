<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name></name>
    <message>
        <source>%1, by room</source>
        <translation>%1, por sala</translation>
    </message>
    <message>
        <source>Whole plan, by day: %1 to %2</source>
        <translation>Todo el plan, por día: del %1 al %2</translation>
    </message>
    <message>
        <source>Whole plan, by day</source>
        <translation>Todo el plan, por día</translation>
    </message>
    <message>
        <source>only %1</source>
        <translation>solo %1</translation>
    </message>
    <message>
        <source>Printed %1 %2</source>
        <translation>Impreso el %1, %2</translation>
    </message>
    <message>
        <source>Calendar: %1</source>
        <translation>Calendario: %1</translation>
    </message>
    <message>
        <source>The printer could not be started. Check that it is connected and try again.</source>
        <translation>No se pudo iniciar la impresora. Verifique que esté conectada e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Print the calendar</source>
        <translation>Imprimir el calendario</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>No se imprimió</translation>
    </message>
    <message>
        <source>Print preview: calendar</source>
        <translation>Vista previa de impresión: calendario</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New Plan…</source>
        <translation>&amp;Nuevo plan…</translation>
    </message>
    <message>
        <source>Create an empty plan file</source>
        <translation>Crear un archivo de plan vacío</translation>
    </message>
    <message>
        <source>New &amp;Demo Plan…</source>
        <translation>Nuevo plan de &amp;demostración…</translation>
    </message>
    <message>
        <source>Write the Tegucigalpa 2023 demo plan and open it</source>
        <translation>Escribir el plan de demostración Tegucigalpa 2023 y abrirlo</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open S&amp;hared Plan…</source>
        <translation>A&amp;brir plan compartido…</translation>
    </message>
    <message>
        <source>Open a plan kept on a PostgreSQL server, which a team edits together</source>
        <translation>Abrir un plan guardado en un servidor PostgreSQL, que un equipo edita en conjunto</translation>
    </message>
    <message>
        <source>P&amp;ublish to a Server…</source>
        <translation>Pub&amp;licar en un servidor…</translation>
    </message>
    <message>
        <source>Copy this plan to an empty database on a PostgreSQL server, for a team</source>
        <translation>Copiar este plan a una base de datos vacía de un servidor PostgreSQL, para un equipo</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historial…</translation>
    </message>
    <message>
        <source>Who changed what and when</source>
        <translation>Quién cambió qué y cuándo</translation>
    </message>
    <message>
        <source>Save a Copy &amp;As…</source>
        <translation>Guardar una c&amp;opia como…</translation>
    </message>
    <message>
        <source>Write a copy of the open plan to another file</source>
        <translation>Escribir una copia del plan abierto en otro archivo</translation>
    </message>
    <message>
        <source>Save a Copy &amp;Without Personal Data…</source>
        <translation>&amp;Guardar una copia sin datos personales…</translation>
    </message>
    <message>
        <source>Write a copy with identity numbers, birth dates and phone numbers blanked, to share the plan with a partner</source>
        <translation>Escribir una copia sin números de identidad, fechas de nacimiento ni números de teléfono, para compartir el plan con una contraparte</translation>
    </message>
    <message>
        <source>Plan Detail&amp;s…</source>
        <translation>Datos del &amp;plan…</translation>
    </message>
    <message>
        <source>&amp;Close Plan</source>
        <translation>&amp;Cerrar plan</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Agregar…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <source>&amp;Copy Rows</source>
        <translation>&amp;Copiar filas</translation>
    </message>
    <message>
        <source>Copy the selected rows for a spreadsheet</source>
        <translation>Copiar las filas seleccionadas para pegarlas en una hoja de cálculo</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Reload the plan, including changes made elsewhere</source>
        <translation>Volver a cargar el plan, con los cambios hechos en otro lugar</translation>
    </message>
    <message>
        <source>&amp;Generate Rotation…</source>
        <translation>&amp;Generar rotación…</translation>
    </message>
    <message>
        <source>Plan every group through every module without clashes</source>
        <translation>Planificar el paso de cada grupo por cada módulo sin conflictos de horario</translation>
    </message>
    <message>
        <source>Cop&amp;y Plan with New Dates…</source>
        <translation>Copiar el plan con otras &amp;fechas…</translation>
    </message>
    <message>
        <source>Copy the plan to new dates, as the template of the next exchange</source>
        <translation>Copiar el plan con otras fechas, como plantilla del próximo intercambio</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>Import people or an agenda from a spreadsheet</source>
        <translation>Importar personas o una agenda desde una hoja de cálculo</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>Write itineraries, agendas, lists, certificates and more, for the whole plan or for whom you choose</source>
        <translation>Escribir itinerarios, agendas, listas, certificados y más, para todo el plan o para quien usted elija</translation>
    </message>
    <message>
        <source>Prin&amp;t…</source>
        <translation>I&amp;mprimir…</translation>
    </message>
    <message>
        <source>Print the calendar as it is shown: the day by room, or the whole plan by day</source>
        <translation>Imprimir el calendario tal como se muestra: el día por sala o todo el plan por día</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>Vis&amp;ta previa de impresión…</translation>
    </message>
    <message>
        <source>See the calendar&apos;s page before printing it</source>
        <translation>Ver la página del calendario antes de imprimirla</translation>
    </message>
    <message>
        <source>&amp;Record Attendance…</source>
        <translation>Registrar &amp;asistencia…</translation>
    </message>
    <message>
        <source>Tick who came to each session, so reports count who was trained</source>
        <translation>Marcar quiénes asistieron a cada sesión, para que los informes cuenten quiénes recibieron la capacitación</translation>
    </message>
    <message>
        <source>Check-&amp;in…</source>
        <translation>Registro de &amp;ingreso…</translation>
    </message>
    <message>
        <source>A desk at the door: scan badges (or type names) as people come in</source>
        <translation>Un puesto en la puerta: escanee gafetes (o escriba nombres) a medida que llegan</translation>
    </message>
    <message>
        <source>Test Res&amp;ults…</source>
        <translation>&amp;Notas de las pruebas…</translation>
    </message>
    <message>
        <source>Type the trainees&apos; pre-test and post-test scores</source>
        <translation>Escribir las notas de la prueba inicial y final de los participantes</translation>
    </message>
    <message>
        <source>&amp;Export Agenda List…</source>
        <translation>&amp;Exportar lista de la agenda…</translation>
    </message>
    <message>
        <source>Write the sessions to a workbook, one row each, that can be edited and imported back</source>
        <translation>Escribir las sesiones en un libro, una fila por sesión, que se puede editar y volver a importar</translation>
    </message>
    <message>
        <source>Export Vehicle &amp;Manifests…</source>
        <translation>Exportar listas de pasa&amp;jeros…</translation>
    </message>
    <message>
        <source>Write each vehicle&apos;s rides and passengers, one sheet per vehicle, for drivers and providers</source>
        <translation>Escribe los trayectos y pasajeros de cada vehículo, una hoja por vehículo, para conductores y proveedores</translation>
    </message>
    <message>
        <source>Export Host C&amp;learance List…</source>
        <translation>Exportar lista de autori&amp;zación de ingreso…</translation>
    </message>
    <message>
        <source>Write who goes on a site visit, with organisation and identity or passport number, for a host that asks for it</source>
        <translation>Escribe quiénes van a una visita de campo, con organización y número de identidad o pasaporte, para el anfitrión que lo pida</translation>
    </message>
    <message>
        <source>Export &amp;Budget…</source>
        <translation>Exportar pres&amp;upuesto…</translation>
    </message>
    <message>
        <source>Write the budget workbook: summary by category and funding source, every line with live formulas, and the rates</source>
        <translation>Escribir el libro del presupuesto: resumen por categoría y fuente de financiamiento, cada línea con fórmulas y las tarifas</translation>
    </message>
    <message>
        <source>Export Per Diem &amp;Payment Sheet…</source>
        <translation>Exportar planilla de pago de &amp;viáticos…</translation>
    </message>
    <message>
        <source>Write what each traveller is paid as per diem, with a line to sign on payment</source>
        <translation>Escribir los viáticos que se pagan a cada viajero, con un espacio para firmar al recibirlos</translation>
    </message>
    <message>
        <source>Spli&amp;t into Groups…</source>
        <translation>&amp;Dividir en grupos…</translation>
    </message>
    <message>
        <source>Share the people of a delegation out into balanced groups</source>
        <translation>Repartir las personas de una delegación en grupos equilibrados</translation>
    </message>
    <message>
        <source>&amp;Merge People Listed Twice…</source>
        <translation>&amp;Fusionar personas registradas dos veces…</translation>
    </message>
    <message>
        <source>Find people entered more than once and merge them</source>
        <translation>Buscar personas registradas más de una vez y fusionarlas</translation>
    </message>
    <message>
        <source>&amp;Arrivals and Transfers…</source>
        <translation>&amp;Llegadas y traslados…</translation>
    </message>
    <message>
        <source>Arrivals and departures by day, and the airport transfers still needed</source>
        <translation>Llegadas y salidas por día, y los traslados de aeropuerto pendientes</translation>
    </message>
    <message>
        <source>&amp;Journey…</source>
        <translation>Re&amp;corrido…</translation>
    </message>
    <message>
        <source>One person&apos;s or delegation&apos;s flights, transfers, hotel and sessions in one timeline</source>
        <translation>Vuelos, traslados, hotel y sesiones de una persona o delegación en una sola línea de tiempo</translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation>P&amp;roblemas</translation>
    </message>
    <message>
        <source>Show the problems the conflict check found</source>
        <translation>Mostrar los problemas que encontró la verificación de conflictos</translation>
    </message>
    <message>
        <source>&amp;About Delegation Planner</source>
        <translation>&amp;Acerca de Delegation Planner</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
</context>
<context>
    <name>AgendaForms</name>
    <message>
        <source>Module</source>
        <translation>Módulo</translation>
    </message>
    <message>
        <source>N&amp;umber</source>
        <translation>&amp;Número</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <source>e.g. Psychological first aid</source>
        <translation>p. ej., Primeros auxilios psicológicos</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>&amp;Duración</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Teaching time for one group; a rotation gives it whole slots.</source>
        <translation>Tiempo de capacitación para un grupo; la rotación le asigna franjas completas.</translation>
    </message>
    <message>
        <source>&amp;Seats needed</source>
        <translation>&amp;Asientos necesarios</translation>
    </message>
    <message>
        <source> seats</source>
        <translation> asientos</translation>
    </message>
    <message>
        <source>The smallest room it can use; 0 means the group&apos;s size.</source>
        <translation>La sala más pequeña que puede usar; 0 significa el tamaño del grupo.</translation>
    </message>
    <message>
        <source>&amp;Equipment</source>
        <translation>&amp;Equipamiento</translation>
    </message>
    <message>
        <source>e.g. projector, flip chart</source>
        <translation>p. ej., proyector, rotafolio</translation>
    </message>
    <message>
        <source>Rooms must have all of it. Separate items with commas.</source>
        <translation>Las salas deben contar con todo este equipamiento. Separe los elementos con comas.</translation>
    </message>
    <message>
        <source>Re&amp;quired</source>
        <translation>O&amp;bligatorio</translation>
    </message>
    <message>
        <source>Required to complete the training</source>
        <translation>Obligatorio para finalizar la capacitación</translation>
    </message>
    <message>
        <source>A trainee completes the training only if present at every session of this module in their audience.</source>
        <translation>Un participante finaliza la capacitación solo si está presente en cada sesión de este módulo de su público.</translation>
    </message>
    <message>
        <source>Co&amp;lour</source>
        <translation>&amp;Color</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otas</translation>
    </message>
    <message>
        <source>Who can give it</source>
        <translation>Quién puede impartirlo</translation>
    </message>
    <message>
        <source>T&amp;rainers</source>
        <translation>Ca&amp;pacitadores</translation>
    </message>
    <message>
        <source>Filter people…</source>
        <translation>Filtrar personas…</translation>
    </message>
    <message>
        <source>Unavailable time</source>
        <translation>Horario no disponible</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Persona</translation>
    </message>
    <message>
        <source>(choose a person)</source>
        <translation>(elija una persona)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <source>Local time in %s</source>
        <translation>Hora local de %s</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
    <message>
        <source>e.g. flies back on Thursday afternoon</source>
        <translation>p. ej., regresa en avión el jueves por la tarde</translation>
    </message>
    <message>
        <source>group</source>
        <translation>grupo</translation>
    </message>
    <message>
        <source>delegation</source>
        <translation>delegación</translation>
    </message>
    <message>
        <source>%1 (%2 seats)</source>
        <translation>%1 (%2 asientos)</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>e.g. Module 1: Child protection</source>
        <translation>p. ej., Módulo 1: Protección de la niñez</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>Ti&amp;po</translation>
    </message>
    <message>
        <source>&amp;Starts</source>
        <translation>&amp;Inicio</translation>
    </message>
    <message>
        <source>&amp;Ends</source>
        <translation>&amp;Fin</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>&amp;Sala</translation>
    </message>
    <message>
        <source>(no room)</source>
        <translation>(sin sala)</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>&amp;Lugar</translation>
    </message>
    <message>
        <source>Where, if not in a room</source>
        <translation>Dónde, si no es en una sala</translation>
    </message>
    <message>
        <source>&amp;Module</source>
        <translation>&amp;Módulo</translation>
    </message>
    <message>
        <source>(no module)</source>
        <translation>(sin módulo)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Descripción</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quiénes</translation>
    </message>
    <message>
        <source>&amp;Audience</source>
        <translation>&amp;Asistentes</translation>
    </message>
    <message>
        <source>Filter groups, delegations, people…</source>
        <translation>Filtrar grupos, delegaciones, personas…</translation>
    </message>
    <message>
        <source>&amp;Facilitators</source>
        <translation>Fa&amp;cilitadores</translation>
    </message>
</context>
<context>
    <name>AgendaPages</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Sede</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Asistentes</translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation>Facilitadores</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Módulo</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Trainers</source>
        <translation>Capacitadores</translation>
    </message>
    <message>
        <source>Seats needed</source>
        <translation>Asientos mín.</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Equipamiento</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Curriculum</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Unavailable times</source>
        <translation>Horarios no disponibles</translation>
    </message>
    <message>
        <source>Trainers&apos; unavailable times are respected by the rotation generator (Calendar ▸ Generate rotation…).</source>
        <translation>El generador de rotaciones respeta los horarios no disponibles de los capacitadores (Calendario ▸ Generar rotación…).</translation>
    </message>
</context>
<context>
    <name>ArrivalsDialog</name>
    <message>
        <source>Arrivals, departures and transfers</source>
        <translation>Llegadas, salidas y traslados</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>Movimiento</translation>
    </message>
    <message>
        <source>Flight</source>
        <translation>Vuelo</translation>
    </message>
    <message>
        <source>From or to</source>
        <translation>Origen o destino</translation>
    </message>
    <message>
        <source>Airport</source>
        <translation>Aeropuerto</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Delegations</source>
        <translation>Delegaciones</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Traslado</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>People who land this close to each other share a transfer. Kept with the plan.</source>
        <translation>Las personas que aterrizan con esta diferencia de tiempo o menos comparten un traslado. Se guarda con el plan.</translation>
    </message>
    <message>
        <source>Leaves</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>Vehículo</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>&amp;Create Checked Transfers</source>
        <translation>&amp;Crear los traslados marcados</translation>
    </message>
    <message>
        <source>Arrivals and departures by day</source>
        <translation>Llegadas y salidas por día</translation>
    </message>
    <message>
        <source>Airport transfers still needed</source>
        <translation>Traslados de aeropuerto pendientes</translation>
    </message>
    <message>
        <source>Share a transfer when landing &amp;within</source>
        <translation>Compartir traslado si aterrizan con una diferencia de &amp;hasta</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Llegada</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>aún ninguno</translation>
    </message>
    <message>
        <source>No arrivals or departures yet: add them on the Travel page, or import a list that has flights (File ▸ Import).</source>
        <translation>Aún no hay llegadas ni salidas: agréguelas en la página Viajes o importe una lista que incluya vuelos (Archivo ▸ Importar).</translation>
    </message>
    <message>
        <source>none free</source>
        <translation>ninguno libre</translation>
    </message>
    <message>
        <source>Airport pick-up: %1</source>
        <translation>Recogida en el aeropuerto: %1</translation>
    </message>
    <message>
        <source>Airport drop-off: %1</source>
        <translation>Traslado al aeropuerto: %1</translation>
    </message>
    <message>
        <source>Every arrival and departure has its transfer.</source>
        <translation>Todas las llegadas y salidas tienen su traslado.</translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s) proposed. Rides are created with these people as passengers; Edit ▸ Undo takes them back.</source>
        <translation>
            <numerusform>Se propone %n traslado. El trayecto se crea con estas personas como pasajeros; Editar ▸ Deshacer lo revierte.</numerusform>
            <numerusform>Se proponen %n traslados. Los trayectos se crean con estas personas como pasajeros; Editar ▸ Deshacer los revierte.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add airport transfers</source>
        <translation>Agregar traslados de aeropuerto</translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <source>Record attendance</source>
        <translation>Registrar asistencia</translation>
    </message>
    <message>
        <source>Find a session</source>
        <translation>Buscar una sesión</translation>
    </message>
    <message>
        <source>S&amp;essions</source>
        <translation>&amp;Sesiones</translation>
    </message>
    <message>
        <source>Trainees are the people with the role Trainee; a trainee attended when marked present at least once. Trainers, staff, delegation members and trainees who declined or were replaced are counted apart as also present and get no certificate.</source>
        <translation>Participantes son las personas con el rol Participante; un participante asistió si se le marcó presente al menos una vez. Capacitadores, personal, miembros de delegaciones y participantes que declinaron o fueron reemplazados se cuentan aparte como también presentes y no reciben certificado.</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Presentes</translation>
    </message>
    <message>
        <source>Name or organisation</source>
        <translation>Nombre u organización</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtrar:</translation>
    </message>
    <message>
        <source>&amp;All Present</source>
        <translation>&amp;Todos presentes</translation>
    </message>
    <message>
        <source>Tick everyone shown (the filter limits who)</source>
        <translation>Marcar a todas las personas visibles (el filtro limita a quiénes)</translation>
    </message>
    <message>
        <source>&amp;None Present</source>
        <translation>&amp;Nadie presente</translation>
    </message>
    <message>
        <source>Untick everyone shown (the filter limits who)</source>
        <translation>Desmarcar a todas las personas visibles (el filtro limita a quiénes)</translation>
    </message>
    <message>
        <source>Who was present</source>
        <translation>Quiénes estuvieron presentes</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Nombres</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <source>A trainee&apos;s hours of training so far, as recorded: training, plenary and site-visit sessions, the figure the attendance summary and the certificate show</source>
        <translation>Horas de capacitación del participante hasta ahora, según lo registrado: sesiones de capacitación, plenarias y visitas de campo; la misma cifra del resumen de asistencia y del certificado</translation>
    </message>
    <message>
        <source>Save records everyone on the list: ticked people as present, the others as absent. Edit ▸ Undo takes it back.</source>
        <translation>Al guardar se registra a todas las personas de la lista: las marcadas como presentes y las demás como ausentes. Editar&#xa0;▸&#xa0;Deshacer lo revierte.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Record the ticks (Ctrl+S)</source>
        <translation>Registrar las marcas (Ctrl+S)</translation>
    </message>
    <message>
        <source>Whole plan: %1 trainees · %2 attended · %3 trained · %4 also present (not trainees)</source>
        <translation>Todo el plan: %1 participantes · %2 asistieron · %3 capacitados · %4 también presentes (no son participantes)</translation>
    </message>
    <message>
        <source>No session has an audience yet</source>
        <translation>Ninguna sesión tiene asistentes todavía</translation>
    </message>
    <message>
        <source>Give sessions an audience (groups, delegations or people) to record who attended.</source>
        <translation>Asigne asistentes a las sesiones (grupos, delegaciones o personas) para registrar quiénes asistieron.</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2–%3 · %n person(s) registered</source>
        <translation>
            <numerusform>%1, %2–%3 · %n persona inscrita</numerusform>
            <numerusform>%1, %2–%3 · %n personas inscritas</numerusform>
        </translation>
    </message>
    <message>
        <source>Left the training (%1): counted apart as also present, not as trained; no certificate</source>
        <translation>Se retiró de la capacitación (%1): se cuenta aparte como también presente, no como capacitado; sin certificado</translation>
    </message>
    <message>
        <source>Not a trainee (%1): counted apart as also present, not as trained; no certificate</source>
        <translation>No es participante (%1): se cuenta aparte, como también presente, no como capacitado; sin certificado</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>sin registrar</translation>
    </message>
    <message>
        <source>present</source>
        <translation>presente</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>ausente</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 of %2 present</source>
        <translation>%1 de %2 presentes</translation>
    </message>
    <message numerus="yes">
        <source>%n not recorded yet</source>
        <translation>
            <numerusform>%n aún sin registrar</numerusform>
            <numerusform>%n aún sin registrar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not saved</source>
        <translation>
            <numerusform>%n cambio sin guardar</numerusform>
            <numerusform>%n cambios sin guardar</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to save: these marks are recorded already.</source>
        <translation>No hay nada que guardar: estas marcas ya están registradas.</translation>
    </message>
    <message>
        <source>Record attendance at %1: %2 of %3 present</source>
        <translation>Registrar asistencia en %1: %2 de %3 presentes</translation>
    </message>
    <message>
        <source>Save the ticks?</source>
        <translation>¿Guardar las marcas?</translation>
    </message>
    <message>
        <source>The ticks on %1 are not saved yet.</source>
        <translation>Las marcas de %1 aún no se han guardado.</translation>
    </message>
</context>
<context>
    <name>BudgetForms</name>
    <message>
        <source>(the category&apos;s funding source)</source>
        <translation>(la fuente de financiamiento de la categoría)</translation>
    </message>
    <message>
        <source>Budget line</source>
        <translation>Línea presupuestaria</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Categoría</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Descripción</translation>
    </message>
    <message>
        <source>e.g. Participant manuals, printed and bound</source>
        <translation>p. ej., Manuales para participantes, impresos y empastados</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>Ca&amp;ntidad</translation>
    </message>
    <message>
        <source>U&amp;nit</source>
        <translation>&amp;Unidad</translation>
    </message>
    <message>
        <source>e.g. copies, days, lump sum</source>
        <translation>p. ej., ejemplares, días, suma global</translation>
    </message>
    <message>
        <source>Unit c&amp;ost</source>
        <translation>Costo unitar&amp;io</translation>
    </message>
    <message>
        <source>e.g. 145.00</source>
        <translation>p. ej., 145.00</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>&amp;Moneda</translation>
    </message>
    <message>
        <source>E&amp;xchange rate of</source>
        <translation>&amp;Tipo de cambio de</translation>
    </message>
    <message>
        <source>(the plan&apos;s first month)</source>
        <translation>(el primer mes del plan)</translation>
    </message>
    <message>
        <source>The month whose exchange rate converts a cost in another currency.</source>
        <translation>El mes cuyo tipo de cambio convierte un costo en otra moneda.</translation>
    </message>
    <message>
        <source>Funding and spending</source>
        <translation>Financiamiento y gasto</translation>
    </message>
    <message>
        <source>&amp;Budget code</source>
        <translation>Código &amp;presupuestario</translation>
    </message>
    <message>
        <source>Leave empty to use the category&apos;s code.</source>
        <translation>Déjelo vacío para usar el código de la categoría.</translation>
    </message>
    <message>
        <source>&amp;Funding source</source>
        <translation>&amp;Fuente de financiamiento</translation>
    </message>
    <message>
        <source>&amp;Actual cost</source>
        <translation>Costo &amp;real</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>aún no se conoce</translation>
    </message>
    <message>
        <source>What was spent, in the plan&apos;s currency, once it is known.</source>
        <translation>Lo que se gastó, en la moneda del plan, cuando se conozca.</translation>
    </message>
    <message>
        <source>Note&amp;s</source>
        <translation>N&amp;otas</translation>
    </message>
    <message>
        <source>e.g. quote from Litografía López, 12 Oct</source>
        <translation>p. ej., cotización de Litografía López, 12 oct</translation>
    </message>
    <message>
        <source>(the category&apos;s: %s)</source>
        <translation>(la de la categoría: %s)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <source>Budgeted: %s</source>
        <translation>Presupuestado: %s</translation>
    </message>
    <message>
        <source>A line the plan no longer computes (%s).</source>
        <translation>Una línea que el plan ya no calcula (%s).</translation>
    </message>
    <message>
        <source>Actual cost of a computed line</source>
        <translation>Costo real de una línea calculada</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>e.g. 6050.00</source>
        <translation>p. ej., 6050.00</translation>
    </message>
    <message>
        <source>What was spent, in %s (the plan&apos;s currency).</source>
        <translation>Lo que se gastó, en %s (la moneda del plan).</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
    <message>
        <source>e.g. invoice 2023-118, paid on 5 December</source>
        <translation>p. ej., factura 2023-118, pagada el 5 de diciembre</translation>
    </message>
    <message>
        <source>C&amp;lear Actual Cost</source>
        <translation>&amp;Quitar el costo real</translation>
    </message>
    <message>
        <source>Remove the actual cost: the line shows only its budget</source>
        <translation>Quitar el costo real: la línea muestra solo lo presupuestado</translation>
    </message>
    <message>
        <source>Per diem rate</source>
        <translation>Tarifa de viáticos</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>&amp;Lugar</translation>
    </message>
    <message>
        <source>e.g. Tegucigalpa</source>
        <translation>p. ej., Tegucigalpa</translation>
    </message>
    <message>
        <source>&amp;Daily rate</source>
        <translation>Tarifa &amp;diaria</translation>
    </message>
    <message>
        <source>e.g. 190.00</source>
        <translation>p. ej., 190.00</translation>
    </message>
    <message>
        <source>Lod&amp;ging share</source>
        <translation>Porcentaje de &amp;alojamiento</translation>
    </message>
    <message>
        <source>Per cent of the daily rate that is for lodging, left out for each night the plan pays a hotel; empty: the plan&apos;s lodging deduction (%s %%).</source>
        <translation>Porcentaje de la tarifa diaria que corresponde al alojamiento; se descuenta por cada noche de hotel que paga el plan. Vacío: el descuento por alojamiento del plan (%s %%).</translation>
    </message>
    <message>
        <source>&amp;Valid from</source>
        <translation>&amp;Vigente desde</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin especificar</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otas</translation>
    </message>
    <message>
        <source>e.g. ICSC rate for Honduras, Tegucigalpa</source>
        <translation>p. ej., tarifa de la CAPI para Honduras, Tegucigalpa</translation>
    </message>
    <message>
        <source>e.g. 24.69</source>
        <translation>p. ej., 24.69</translation>
    </message>
    <message>
        <source>Exchange rate</source>
        <translation>Tipo de cambio</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>M&amp;es</translation>
    </message>
    <message>
        <source>Costs of that month in this currency are converted with this rate; a month without a rate uses the one before it.</source>
        <translation>Los costos de ese mes en esta moneda se convierten con este tipo de cambio; un mes sin tipo de cambio usa el anterior.</translation>
    </message>
    <message>
        <source>&amp;Rate</source>
        <translation>&amp;Tipo de cambio</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>&amp;Fuente</translation>
    </message>
    <message>
        <source>e.g. UN operational rate of exchange</source>
        <translation>p. ej., tipo de cambio operacional de las Naciones Unidas</translation>
    </message>
    <message>
        <source>Units of %1 for one %2 (the plan&apos;s currency).</source>
        <translation>Unidades de %1 por cada %2 (la moneda del plan).</translation>
    </message>
    <message>
        <source>%1 for one %2, e.g. 24.69</source>
        <translation>%1 por cada %2, p. ej., 24.69</translation>
    </message>
    <message>
        <source>Catering rate</source>
        <translation>Tarifa de alimentación</translation>
    </message>
    <message>
        <source>&amp;For</source>
        <translation>&amp;Para</translation>
    </message>
    <message>
        <source>Meal sessions are told apart by their time: breakfast before 10:30, lunch before 16:00, dinner after.</source>
        <translation>Las comidas se distinguen por su hora: desayuno antes de las 10:30, almuerzo antes de las 16:00 y cena después.</translation>
    </message>
    <message>
        <source>&amp;Per head</source>
        <translation>Por pe&amp;rsona</translation>
    </message>
    <message>
        <source>e.g. 85.00</source>
        <translation>p. ej., 85.00</translation>
    </message>
    <message>
        <source>e.g. Hotel Plaza&apos;s conference package</source>
        <translation>p. ej., paquete de conferencias del Hotel Plaza</translation>
    </message>
    <message>
        <source>Funding source</source>
        <translation>Fuente de financiamiento</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>e.g. Western Hemisphere Program</source>
        <translation>p. ej., Programa para el Hemisferio Occidental</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Código</translation>
    </message>
    <message>
        <source>The grant or project code finance uses.</source>
        <translation>El código de la subvención o del proyecto que usa finanzas.</translation>
    </message>
    <message>
        <source>Budget code and funding source of a category</source>
        <translation>Código presupuestario y fuente de financiamiento de una categoría</translation>
    </message>
    <message>
        <source>e.g. WHP-32 Catering</source>
        <translation>p. ej., WHP-32 Alimentación</translation>
    </message>
    <message>
        <source>Every line of the category gets it, unless the line has its own.</source>
        <translation>Todas las líneas de la categoría lo usan, salvo que la línea tenga el suyo.</translation>
    </message>
</context>
<context>
    <name>BudgetPage</name>
    <message>
        <source>Budget</source>
        <translation>Presupuesto</translation>
    </message>
    <message>
        <source>Export Budget…</source>
        <translation>Exportar presupuesto…</translation>
    </message>
    <message>
        <source>Write the budget workbook finance audits: summary, lines and rates, with live formulas</source>
        <translation>Escribir el libro del presupuesto que revisa finanzas: resumen, líneas y tarifas, con fórmulas</translation>
    </message>
    <message>
        <source>Per Diem Payment Sheet…</source>
        <translation>Planilla de pago de viáticos…</translation>
    </message>
    <message>
        <source>Write the sheet of what each traveller is paid as per diem, to sign on payment</source>
        <translation>Escribir la planilla de los viáticos que se pagan a cada viajero, para firmar al recibirlos</translation>
    </message>
    <message>
        <source>&amp;Lines</source>
        <translation>Lí&amp;neas</translation>
    </message>
    <message>
        <source>&amp;Rates</source>
        <translation>&amp;Tarifas</translation>
    </message>
    <message>
        <source>&amp;Funding and codes</source>
        <translation>&amp;Financiamiento y códigos</translation>
    </message>
    <message>
        <source>C&amp;hart</source>
        <translation>&amp;Gráfico</translation>
    </message>
    <message>
        <source>Per &amp;participant</source>
        <translation>Por &amp;participante</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Total %1</translation>
    </message>
    <message>
        <source>Actual cost so far %1 (%2 of %3 lines)</source>
        <translation>Costo real hasta ahora %1 (%2 de %3 líneas)</translation>
    </message>
    <message>
        <source>No actual costs entered yet</source>
        <translation>Aún no se ha registrado ningún costo real</translation>
    </message>
    <message>
        <source>By funding source: %1</source>
        <translation>Por fuente de financiamiento: %1</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>Day, by room</source>
        <translation>Día, por sala</translation>
    </message>
    <message>
        <source>Whole plan, by day</source>
        <translation>Todo el plan, por día</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Vista</translation>
    </message>
    <message>
        <source>Previous day (Alt+Left)</source>
        <translation>Día anterior (Alt+Left)</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Día anterior</translation>
    </message>
    <message>
        <source>Next day (Alt+Right)</source>
        <translation>Día siguiente (Alt+Right)</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Día siguiente</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation>Todas las sesiones</translation>
    </message>
    <message>
        <source>Show the sessions of</source>
        <translation>Mostrar las sesiones de</translation>
    </message>
    <message>
        <source>Show only the sessions of a group, delegation, person or room</source>
        <translation>Mostrar solo las sesiones de un grupo, una delegación, una persona o una sala</translation>
    </message>
    <message>
        <source>Colour by kind</source>
        <translation>Color por tipo</translation>
    </message>
    <message>
        <source>Colour by module</source>
        <translation>Color por módulo</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Snap </source>
        <translation>Ajuste </translation>
    </message>
    <message>
        <source>Snap to minutes</source>
        <translation>Ajuste en minutos</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Alejar (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Acercar (Ctrl++)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>&amp;Repeat on days…</source>
        <translation>&amp;Repetir en otros días…</translation>
    </message>
    <message>
        <source>Copy the selected sessions to other days</source>
        <translation>Copiar las sesiones seleccionadas a otros días</translation>
    </message>
    <message>
        <source>&amp;New session…</source>
        <translation>&amp;Nueva sesión…</translation>
    </message>
    <message>
        <source>&amp;Generate rotation…</source>
        <translation>&amp;Generar rotación…</translation>
    </message>
    <message>
        <source>Let the program plan every group through every module without clashes (Ctrl+R)</source>
        <translation>Deje que la aplicación planifique el paso de cada grupo por cada módulo sin conflictos de horario (Ctrl+R)</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Pegar</translation>
    </message>
    <message>
        <source>No room</source>
        <translation>Sin sala</translation>
    </message>
    <message>
        <source>%1 · %2 seats</source>
        <translation>%1 · %2 asientos</translation>
    </message>
    <message>
        <source>sessions elsewhere</source>
        <translation>sesiones fuera de las salas</translation>
    </message>
    <message>
        <source>No sessions</source>
        <translation>Sin sesiones</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n sesión</numerusform>
            <numerusform>%n sesiones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) shown</source>
        <translation>
            <numerusform>%n sesión visible</numerusform>
            <numerusform>%n sesiones visibles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n seleccionada</numerusform>
            <numerusform>%n seleccionadas</numerusform>
        </translation>
    </message>
    <message>
        <source>Drag to move, drag an edge to resize, drag on empty space to create; double-click to edit.</source>
        <translation>Arrastre para mover, arrastre un borde para cambiar la duración, arrastre sobre un espacio vacío para crear; haga doble clic para editar.</translation>
    </message>
    <message>
        <source>Delete the session “%1”?</source>
        <translation>¿Eliminar la sesión “%1”?</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n sessions?</source>
        <translation>
            <numerusform>¿Eliminar %n sesión?</numerusform>
            <numerusform>¿Eliminar %n sesiones?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>You can undo this with Edit ▸ Undo (Ctrl+Z).</source>
        <translation>Puede deshacer esta acción con Editar ▸ Deshacer (Ctrl+Z).</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) copied; Ctrl+V pastes them on the day shown.</source>
        <translation>
            <numerusform>Se copió %n sesión; Ctrl+V la pega en el día que se muestra.</numerusform>
            <numerusform>Se copiaron %n sesiones; Ctrl+V las pega en el día que se muestra.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n session(s)</source>
        <translation>
            <numerusform>Pegar %n sesión</numerusform>
            <numerusform>Pegar %n sesiones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n session(s)</source>
        <translation>
            <numerusform>Duplicar %n sesión</numerusform>
            <numerusform>Duplicar %n sesiones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Repeat %n session(s)</source>
        <translation>
            <numerusform>Repetir %n sesión</numerusform>
            <numerusform>Repetir %n sesiones</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Repeat on days…</source>
        <translation>Repetir en otros días…</translation>
    </message>
    <message>
        <source>History of This Session…</source>
        <translation>Historial de esta sesión…</translation>
    </message>
    <message>
        <source>History of this session</source>
        <translation>Historial de esta sesión</translation>
    </message>
</context>
<context>
    <name>ChartTab</name>
    <message>
        <source>Budget</source>
        <translation>Presupuesto</translation>
    </message>
    <message>
        <source>Actual cost</source>
        <translation>Costo real</translation>
    </message>
    <message>
        <source>Cost by category (%1)</source>
        <translation>Costo por categoría (%1)</translation>
    </message>
    <message>
        <source>Cost by funding source (%1)</source>
        <translation>Costo por fuente de financiamiento (%1)</translation>
    </message>
</context>
<context>
    <name>CheckListField</name>
    <message>
        <source>Only ticked</source>
        <translation>Solo marcados</translation>
    </message>
    <message>
        <source>Type to filter…</source>
        <translation>Escriba para filtrar…</translation>
    </message>
    <message>
        <source>Tick shown</source>
        <translation>Marcar visibles</translation>
    </message>
    <message>
        <source>Untick shown</source>
        <translation>Desmarcar visibles</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n seleccionado</numerusform>
            <numerusform>%n seleccionados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Every row checked</source>
        <translation>Todas las filas revisadas</translation>
    </message>
    <message>
        <source>Rows are numbered as the spreadsheet shows them. Nothing is written until you press Import.</source>
        <translation>Las filas se numeran como las muestra la hoja de cálculo. No se guarda nada hasta que pulse Importar.</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>Todas las filas</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errores</translation>
    </message>
    <message>
        <source>Rows with warnings</source>
        <translation>Filas con avisos</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevas</translation>
    </message>
    <message>
        <source>Updates</source>
        <translation>Actualizaciones</translation>
    </message>
    <message>
        <source>Already there or repeated</source>
        <translation>Ya existentes o repetidas</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Import the valid rows and &amp;skip those with errors</source>
        <translation>Importar las filas válidas y &amp;omitir las que tienen errores</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>Stopped; nothing was imported.</source>
        <translation>Detenido; no se importó nada.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Revisando…</translation>
    </message>
    <message numerus="yes">
        <source>Checking %n row(s)…</source>
        <translation>
            <numerusform>Revisando %n fila…</numerusform>
            <numerusform>Revisando %n filas…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n nueva</numerusform>
            <numerusform>%n nuevas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to update</source>
        <translation>
            <numerusform>%n por actualizar</numerusform>
            <numerusform>%n por actualizar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in the plan or repeated</source>
        <translation>
            <numerusform>%n ya en el plan o repetida</numerusform>
            <numerusform>%n ya en el plan o repetidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with errors</source>
        <translation>
            <numerusform>%n con errores</numerusform>
            <numerusform>%n con errores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with warnings</source>
        <translation>
            <numerusform>%n con avisos</numerusform>
            <numerusform>%n con avisos</numerusform>
        </translation>
    </message>
    <message>
        <source>The sheet has no rows.</source>
        <translation>La hoja no tiene filas.</translation>
    </message>
    <message>
        <source>“%1” (%2) will be created.</source>
        <translation>Se creará «%1» (%2).</translation>
    </message>
    <message>
        <source>Fix these rows in the file and import it again, or import the other rows and skip them.</source>
        <translation>Corrija estas filas en el archivo e impórtelo de nuevo, o importe las demás filas y omítalas.</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nueva</translation>
    </message>
    <message>
        <source>update</source>
        <translation>actualiza</translation>
    </message>
    <message>
        <source>already there</source>
        <translation>ya existe</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>warning: %s</source>
        <translation>aviso: %s</translation>
    </message>
    <message>
        <source>changes: %s</source>
        <translation>cambia: %s</translation>
    </message>
    <message>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>start</source>
        <translation>inicio</translation>
    </message>
    <message>
        <source>end</source>
        <translation>fin</translation>
    </message>
    <message>
        <source>room</source>
        <translation>sala</translation>
    </message>
    <message>
        <source>audience</source>
        <translation>asistentes</translation>
    </message>
    <message>
        <source>facilitators</source>
        <translation>facilitadores</translation>
    </message>
    <message>
        <source>module</source>
        <translation>módulo</translation>
    </message>
    <message>
        <source>place</source>
        <translation>lugar</translation>
    </message>
    <message>
        <source>description</source>
        <translation>descripción</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notas</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>CheckinDialog</name>
    <message>
        <source>Check-in</source>
        <translation>Registro de ingreso</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>Puerta</translation>
    </message>
    <message>
        <source>Any door: each person&apos;s own session, by time</source>
        <translation>Cualquier puerta: la sesión de cada persona, según la hora</translation>
    </message>
    <message>
        <source>&amp;Door:</source>
        <translation>&amp;Puerta:</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>&amp;Session:</source>
        <translation>&amp;Sesión:</translation>
    </message>
    <message>
        <source>Scan a badge, or type a name, then Enter</source>
        <translation>Escanee un gafete o escriba un nombre, luego Intro</translation>
    </message>
    <message>
        <source>Badge code or name</source>
        <translation>Código de gafete o nombre</translation>
    </message>
    <message>
        <source>&amp;Record anyway (Enter)</source>
        <translation>&amp;Registrar de todos modos (Intro)</translation>
    </message>
    <message>
        <source>S&amp;kip (Esc)</source>
        <translation>O&amp;mitir (Esc)</translation>
    </message>
    <message>
        <source>&amp;Undo last scan (Ctrl+Z)</source>
        <translation>&amp;Deshacer el último escaneo (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>(each person&apos;s session running then)</source>
        <translation>(la sesión de cada persona en ese momento)</translation>
    </message>
    <message>
        <source>(no session in this room today)</source>
        <translation>(ninguna sesión en esta sala hoy)</translation>
    </message>
    <message>
        <source>Unknown code: not a badge of this plan.</source>
        <translation>Código desconocido: no es un gafete de este plan.</translation>
    </message>
    <message>
        <source>Nobody by that name or code.</source>
        <translation>Nadie con ese nombre o código.</translation>
    </message>
    <message>
        <source>Several people match</source>
        <translation>Coinciden varias personas</translation>
    </message>
    <message>
        <source>Choose one and press Enter.</source>
        <translation>Elija una y pulse Intro.</translation>
    </message>
    <message>
        <source>Already checked in: %1</source>
        <translation>Ya registrado: %1</translation>
    </message>
    <message>
        <source>Welcome: %1</source>
        <translation>Bienvenido(a): %1</translation>
    </message>
    <message>
        <source>No longer taking part (%1).</source>
        <translation>Ya no participa (%1).</translation>
    </message>
    <message>
        <source>Expected instead at %1.</source>
        <translation>Se le espera en %1.</translation>
    </message>
    <message>
        <source>Not expected in any session now.</source>
        <translation>No se le espera en ninguna sesión ahora.</translation>
    </message>
    <message>
        <source>Record at this session anyway?</source>
        <translation>¿Registrar en esta sesión de todos modos?</translation>
    </message>
    <message>
        <source>Recorded at %1.</source>
        <translation>Registrado en %1.</translation>
    </message>
    <message>
        <source>Not recorded.</source>
        <translation>No registrado.</translation>
    </message>
    <message>
        <source>Check-in desk</source>
        <translation>Puesto de registro</translation>
    </message>
    <message>
        <source>Check in %1</source>
        <translation>Registrar el ingreso de %1</translation>
    </message>
    <message>
        <source>Already recorded elsewhere.</source>
        <translation>Ya registrado en otro lugar.</translation>
    </message>
    <message>
        <source>Nothing to undo here</source>
        <translation>Nada que deshacer aquí</translation>
    </message>
    <message>
        <source>The last change was not a scan at this desk; use Edit ▸ Undo.</source>
        <translation>El último cambio no fue un escaneo en este puesto; use Editar ▸ Deshacer.</translation>
    </message>
    <message>
        <source>Scan taken back.</source>
        <translation>Escaneo deshecho.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s) recorded at this desk</source>
        <translation>
            <numerusform>%n escaneo registrado en este puesto</numerusform>
            <numerusform>%n escaneos registrados en este puesto</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 present</source>
        <translation>%1 de %2 presentes</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>(not set)</source>
        <translation>(sin especificar)</translation>
    </message>
    <message>
        <source>group</source>
        <translation>grupo</translation>
    </message>
    <message>
        <source>delegation</source>
        <translation>delegación</translation>
    </message>
    <message>
        <source>(the plan&apos;s currency, %s)</source>
        <translation>(la moneda del plan, %s)</translation>
    </message>
</context>
<context>
    <name>ColourField</name>
    <message>
        <source>Choose a colour</source>
        <translation>Elija un color</translation>
    </message>
    <message>
        <source>Colour %s</source>
        <translation>Color %s</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <source>Which column holds what</source>
        <translation>Qué contiene cada columna</translation>
    </message>
    <message>
        <source>Guessed from the headings; correct any that are wrong. The choice is remembered for the next file with these headings.</source>
        <translation>Deducido de los encabezados; corrija lo que esté mal. La elección se recuerda para el próximo archivo con estos encabezados.</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Columna del archivo</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>Primeros valores</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Leer como</translation>
    </message>
    <message>
        <source>— leave out —</source>
        <translation>— no importar —</translation>
    </message>
    <message>
        <source>Read %s as</source>
        <translation>Leer %s como</translation>
    </message>
    <message>
        <source>Not imported: %s.</source>
        <translation>No se importan: %s.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Cambiado por otra persona</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>otra persona</translation>
    </message>
    <message>
        <source>%1 changed this item after you opened it. Nothing of yours was saved yet. Keep your version, or take theirs?</source>
        <translation>%1 cambió este elemento después de que usted lo abrió. Todavía no se guardó nada suyo. ¿Conserva su versión o toma la de la otra persona?</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Now (by %1)</source>
        <translation>Ahora (por %1)</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Suyo</translation>
    </message>
    <message>
        <source>Their values and yours</source>
        <translation>Los valores de la otra persona y los suyos</translation>
    </message>
    <message>
        <source>&amp;Keep Mine</source>
        <translation>&amp;Conservar el mío</translation>
    </message>
    <message>
        <source>&amp;Take Theirs</source>
        <translation>&amp;Tomar el suyo</translation>
    </message>
    <message>
        <source>Save your values over theirs (Edit ▸ Undo takes it back)</source>
        <translation>Guardar sus valores sobre los de la otra persona (Editar ▸ Deshacer lo revierte)</translation>
    </message>
    <message>
        <source>Drop your change and show theirs</source>
        <translation>Descartar su cambio y mostrar el de la otra persona</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>e.g. plans.iom.int or 10.0.0.5</source>
        <translation>p. ej. planes.oim.int o 10.0.0.5</translation>
    </message>
    <message>
        <source>e.g. tegucigalpa_2023</source>
        <translation>p. ej. tegucigalpa_2023</translation>
    </message>
    <message>
        <source>Leave empty to use your .pgpass file</source>
        <translation>Déjela vacía para usar su archivo .pgpass</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>Po&amp;rt:</source>
        <translation>Pue&amp;rto:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de datos:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
</context>
<context>
    <name>CopyPlanDialog</name>
    <message>
        <source>Copy the plan with new dates</source>
        <translation>Copiar el plan con otras fechas</translation>
    </message>
    <message>
        <source>Plans (*.dplan)</source>
        <translation>Planes (*.dplan)</translation>
    </message>
    <message>
        <source>New &amp;first day</source>
        <translation>Nuevo &amp;primer día</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <source>&amp;Save as</source>
        <translation>&amp;Guardar como</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message numerus="yes">
        <source>The copy runs %1 – %2; every session moves by %n day(s) and keeps its time of day.</source>
        <translation>
            <numerusform>La copia va del %1 al %2; cada sesión se mueve %n día y conserva su hora.</numerusform>
            <numerusform>La copia va del %1 al %2; cada sesión se mueve %n días y conserva su hora.</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the copy a title.</source>
        <translation>Escriba un título para la copia.</translation>
    </message>
</context>
<context>
    <name>DamagedBox</name>
    <message>
        <source>The plan is damaged</source>
        <translation>El plan está dañado</translation>
    </message>
    <message>
        <source>Recover… saves what can still be read in a new plan and tells you what could not be; the damaged file is not changed.</source>
        <translation>Recuperar… guarda en un plan nuevo lo que todavía se puede leer y le dice lo que no se pudo; el archivo dañado no se cambia.</translation>
    </message>
    <message>
        <source>&amp;Recover…</source>
        <translation>&amp;Recuperar…</translation>
    </message>
    <message>
        <source>Open the &amp;Backup</source>
        <translation>Abrir la copia de res&amp;paldo</translation>
    </message>
    <message>
        <source>Save what can be read in a new plan</source>
        <translation>Guardar en un plan nuevo lo que se puede leer</translation>
    </message>
    <message>
        <source>Plans (*.dplan)</source>
        <translation>Planes (*.dplan)</translation>
    </message>
    <message>
        <source>Recovering the plan…</source>
        <translation>Recuperando el plan…</translation>
    </message>
    <message>
        <source>The plan could not be recovered</source>
        <translation>No se pudo recuperar el plan</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>Recuperado</translation>
    </message>
</context>
<context>
    <name>EvaluationForms</name>
    <message>
        <source>Test or questionnaire</source>
        <translation>Prueba o encuesta</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>T&amp;ipo</translation>
    </message>
    <message>
        <source>&amp;Of</source>
        <translation>&amp;De</translation>
    </message>
    <message>
        <source>the whole training</source>
        <translation>toda la capacitación</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <source>e.g. Pre-test</source>
        <translation>p. ej., Prueba inicial</translation>
    </message>
    <message>
        <source>&amp;Maximum score</source>
        <translation>Nota &amp;máxima</translation>
    </message>
    <message>
        <source>e.g. 20</source>
        <translation>p. ej., 20</translation>
    </message>
    <message>
        <source>Scores are typed out of it (17 of 20); a questionnaire has none.</source>
        <translation>Las notas se escriben sobre ella (17 de 20); una encuesta no tiene.</translation>
    </message>
    <message>
        <source>Note&amp;s</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>&amp;Questionnaire</source>
        <translation>&amp;Encuesta</translation>
    </message>
    <message>
        <source>&amp;Position</source>
        <translation>&amp;Posición</translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation>&amp;Respuesta</translation>
    </message>
    <message>
        <source>A rating from 1 to 5</source>
        <translation>Una calificación del 1 al 5</translation>
    </message>
    <message>
        <source>Words (an open question)</source>
        <translation>Palabras (una pregunta abierta)</translation>
    </message>
    <message>
        <source>In &amp;English</source>
        <translation>En &amp;inglés</translation>
    </message>
    <message>
        <source>e.g. The training met its objectives.</source>
        <translation>p. ej., The training met its objectives.</translation>
    </message>
    <message>
        <source>In &amp;Spanish</source>
        <translation>En e&amp;spañol</translation>
    </message>
    <message>
        <source>e.g. La capacitación cumplió sus objetivos.</source>
        <translation>p. ej., La capacitación cumplió sus objetivos.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>Qué exportar</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Confidencial</translation>
    </message>
    <message>
        <source>&amp;What to export</source>
        <translation>&amp;Qué exportar</translation>
    </message>
    <message>
        <source>⚠ Contains personal data (identity numbers, birth dates or phones). Handle it as confidential: share it only with who needs it, and delete copies after use.</source>
        <translation>⚠ Contiene datos personales (números de identidad, fechas de nacimiento o teléfonos). Trátelo como confidencial: compártalo solo con quien lo necesite y elimine las copias después de usarlas.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>Guardar e&amp;n:</translation>
    </message>
    <message>
        <source>Open &amp;Folder</source>
        <translation>Abrir &amp;carpeta</translation>
    </message>
    <message>
        <source>Open F&amp;ile</source>
        <translation>Abrir a&amp;rchivo</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <source>Choose what to export.</source>
        <translation>Elija qué exportar.</translation>
    </message>
    <message>
        <source>The plan has no delegation yet.</source>
        <translation>El plan aún no tiene delegaciones.</translation>
    </message>
    <message>
        <source>The plan has no group yet.</source>
        <translation>El plan aún no tiene grupos.</translation>
    </message>
    <message>
        <source>Choose the person.</source>
        <translation>Elija la persona.</translation>
    </message>
    <message>
        <source>The plan has no site visit yet. Add one on the Site visits page, with who goes, then export its clearance list.</source>
        <translation>El plan aún no tiene visitas de campo. Agregue una en la página Visitas de campo, con quiénes van, y luego exporte su lista de autorización.</translation>
    </message>
    <message>
        <source>Untick “Leave out identity numbers, birth dates and phone numbers” for this export.</source>
        <translation>Desmarque “Sin números de identidad, fechas de nacimiento ni teléfonos” para esta exportación.</translation>
    </message>
    <message>
        <source>Choose where to save it.</source>
        <translation>Elija dónde guardarlo.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist. Choose another.</source>
        <translation>La carpeta %1 no existe. Elija otra.</translation>
    </message>
    <message>
        <source>&amp;One file per person, into a folder</source>
        <translation>&amp;Un archivo por persona, en una carpeta</translation>
    </message>
    <message>
        <source>&amp;One file per delegation, into a folder</source>
        <translation>&amp;Un archivo por delegación, en una carpeta</translation>
    </message>
    <message>
        <source>&amp;Save to folder:</source>
        <translation>Guardar e&amp;n la carpeta:</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>horario</translation>
    </message>
    <message>
        <source>agenda</source>
        <translation>agenda</translation>
    </message>
    <message>
        <source>itineraries</source>
        <translation>itinerarios</translation>
    </message>
    <message>
        <source>sign-in sheets</source>
        <translation>hojas de asistencia</translation>
    </message>
    <message>
        <source>participants</source>
        <translation>participantes</translation>
    </message>
    <message>
        <source>attendance</source>
        <translation>asistencia</translation>
    </message>
    <message>
        <source>manifests</source>
        <translation>pasajeros</translation>
    </message>
    <message>
        <source>clearance list</source>
        <translation>lista de autorización</translation>
    </message>
    <message>
        <source>rooming list</source>
        <translation>lista de habitaciones</translation>
    </message>
    <message>
        <source>catering</source>
        <translation>alimentación</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>presupuesto</translation>
    </message>
    <message>
        <source>per diem</source>
        <translation>viáticos</translation>
    </message>
    <message>
        <source>certificates</source>
        <translation>certificados</translation>
    </message>
    <message>
        <source>badges</source>
        <translation>gafetes</translation>
    </message>
    <message>
        <source>calendar</source>
        <translation>calendario</translation>
    </message>
    <message>
        <source>agenda booklet</source>
        <translation>cuadernillo de agenda</translation>
    </message>
    <message>
        <source>changes</source>
        <translation>cambios</translation>
    </message>
    <message>
        <source>badge codes</source>
        <translation>códigos de gafete</translation>
    </message>
    <message>
        <source>certificate register</source>
        <translation>registro de certificados</translation>
    </message>
    <message>
        <source>report</source>
        <translation>informe</translation>
    </message>
    <message>
        <source>survey form</source>
        <translation>formulario de encuesta</translation>
    </message>
    <message>
        <source>duty of care</source>
        <translation>deber de cuidado</translation>
    </message>
    <message>
        <source>Write the files into which folder?</source>
        <translation>¿En qué carpeta desea escribir los archivos?</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Libros de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Archivos de calendario (*.ics)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export as</source>
        <translation>Exportar como</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>¿Reemplazar el archivo?</translation>
    </message>
    <message>
        <source>%1 exists already. Replace it?</source>
        <translation>%1 ya existe. ¿Desea reemplazarlo?</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Escribiendo %1…</translation>
    </message>
    <message>
        <source>The files could not be moved into place: %1</source>
        <translation>No se pudieron mover los archivos a su destino: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written to %1</source>
        <translation>
            <numerusform>Se escribió %n archivo en %1</numerusform>
            <numerusform>Se escribieron %n archivos en %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>Escrito en %1</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>No se exportó: %1</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>Cancelado; no se escribió ningún archivo.</translation>
    </message>
</context>
<context>
    <name>ForReaders</name>
    <message>
        <source>For its readers</source>
        <translation>Para sus lectores</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>How dates are written: Panama writes the month first</source>
        <translation>Cómo se escriben las fechas: en Panamá se escribe primero el mes</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>%1, as usual in the plan&apos;s country</source>
        <translation>%1, la usual en el país del plan</translation>
    </message>
    <message>
        <source>Workbooks and PDFs print on it: Letter in most of the Americas, A4 elsewhere</source>
        <translation>Libros y PDF se imprimen en él: Carta en casi toda América, A4 en el resto</translation>
    </message>
    <message>
        <source>Leave out &amp;identity numbers, birth dates and phone numbers</source>
        <translation>&amp;Sin números de identidad, fechas de nacimiento ni teléfonos</translation>
    </message>
    <message>
        <source>The default is set in Edit ▸ Preferences</source>
        <translation>El valor predeterminado se elige en Editar ▸ Preferencias</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Date for&amp;mat:</source>
        <translation>&amp;Formato de fecha:</translation>
    </message>
    <message>
        <source>Pape&amp;r:</source>
        <translation>Pape&amp;l:</translation>
    </message>
</context>
<context>
    <name>ForWhom</name>
    <message>
        <source>For whom</source>
        <translation>Para quién</translation>
    </message>
    <message>
        <source>W&amp;hole plan</source>
        <translation>&amp;Todo el plan</translation>
    </message>
    <message>
        <source>&amp;Delegation:</source>
        <translation>&amp;Delegación:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Grupo:</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Persona:</translation>
    </message>
    <message>
        <source>S&amp;upplier:</source>
        <translation>Pro&amp;veedor:</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Delegación</translation>
    </message>
    <message>
        <source>%1 (%2 people)</source>
        <translation>%1 (%2 personas)</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Type part of a name to find a person</source>
        <translation>Escriba parte de un nombre para buscar a una persona</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>The caterer</source>
        <translation>El servicio de alimentación</translation>
    </message>
    <message>
        <source>The transport company</source>
        <translation>La empresa de transporte</translation>
    </message>
    <message>
        <source>Site &amp;visit:</source>
        <translation>&amp;Visita de campo:</translation>
    </message>
    <message>
        <source>Everyone, not only the people who &amp;travel</source>
        <translation>Todas las personas, no solo las que &amp;viajan</translation>
    </message>
    <message>
        <source>Without this, only people with a flight or another journey in the plan get an itinerary.</source>
        <translation>Si no se marca, solo reciben itinerario las personas con un vuelo u otro trayecto en el plan.</translation>
    </message>
    <message>
        <source>Also certificates of attendance, for who came but did not complete</source>
        <translation>También certificados de asistencia, para quienes vinieron pero no finalizaron</translation>
    </message>
    <message>
        <source>Certificates of completion go to trainees who completed the training (Plan Details says how); trainers get one of facilitation.</source>
        <translation>Los certificados de finalización son para los participantes que finalizaron la capacitación (Datos del plan dice cómo); los capacitadores reciben uno de facilitación.</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>FundingTab</name>
    <message>
        <source>Funding source</source>
        <translation>Fuente de financiamiento</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorías</translation>
    </message>
    <message>
        <source>Categories whose lines it pays unless a line names another source</source>
        <translation>Categorías cuyas líneas paga, salvo que una línea indique otra fuente</translation>
    </message>
    <message>
        <source>Own lines</source>
        <translation>Líneas propias</translation>
    </message>
    <message>
        <source>Lines entered by hand that name it</source>
        <translation>Líneas ingresadas a mano que la indican</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Budget code</source>
        <translation>Código presupuestario</translation>
    </message>
    <message>
        <source>Funding sources</source>
        <translation>Fuentes de financiamiento</translation>
    </message>
    <message>
        <source>Budget codes of the categories</source>
        <translation>Códigos presupuestarios de las categorías</translation>
    </message>
    <message>
        <source>A line takes its category&apos;s budget code and funding source unless it has its own. Double-click a name or a code (or press F2) to change it in place.</source>
        <translation>Cada línea toma el código presupuestario y la fuente de financiamiento de su categoría, salvo que tenga los suyos. Haga doble clic en un nombre o un código (o pulse F2) para cambiarlo ahí mismo.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of the plan</source>
        <translation>Historial del plan</translation>
    </message>
    <message>
        <source>Filter by person, item or action…</source>
        <translation>Filtrar por persona, elemento o acción…</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtro:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>In the plan&apos;s time zone, %1</source>
        <translation>En la zona horaria del plan, %1</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Qué cambió</translation>
    </message>
    <message>
        <source>Changes, newest first</source>
        <translation>Cambios, los más recientes primero</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Write this history to a workbook</source>
        <translation>Escribir este historial en un libro de Excel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s); times in %1</source>
        <translation>
            <numerusform>%n cambio; horas en %1</numerusform>
            <numerusform>%n cambios; horas en %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the history</source>
        <translation>Exportar el historial</translation>
    </message>
    <message>
        <source>%1 history.xlsx</source>
        <translation>%1 historial.xlsx</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx)</source>
        <translation>Libros de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>The history was not written</source>
        <translation>No se escribió el historial</translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>Escrito en %1</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>New %s</source>
        <translation>Agregar %s</translation>
    </message>
    <message>
        <source>Edit %s</source>
        <translation>Editar %s</translation>
    </message>
    <message>
        <source>Duty of care: %s</source>
        <translation>Deber de cuidado: %s</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
</context>
<context>
    <name>LinesTab</name>
    <message>
        <source>Budget lines</source>
        <translation>Líneas presupuestarias</translation>
    </message>
    <message>
        <source>&amp;Add Line…</source>
        <translation>&amp;Agregar línea…</translation>
    </message>
    <message>
        <source>Add a cost the plan does not compute: interpretation, materials, visibility… (Ctrl+Shift+N)</source>
        <translation>Agregar un costo que el plan no calcula: interpretación, materiales, visibilidad… (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>Edit a line entered by hand, or enter the actual cost of a computed line (Enter)</source>
        <translation>Editar una línea ingresada a mano o registrar el costo real de una línea calculada (Intro)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <source>Delete the selected lines entered by hand (Del)</source>
        <translation>Eliminar las líneas seleccionadas ingresadas a mano (Supr)</translation>
    </message>
    <message>
        <source>Lines in italics were entered by hand. The others come from the plan and its rates: change those to change them, and use Actual Cost… to enter what was spent.</source>
        <translation>Las líneas en cursiva se ingresaron a mano. Las demás salen del plan y sus tarifas: cámbielos para cambiarlas y use Costo real… para registrar lo que se gastó.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>How it is computed</source>
        <translation>Cómo se calcula</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>Costo unitario</translation>
    </message>
    <message>
        <source>Exchange rate</source>
        <translation>Tipo de cambio</translation>
    </message>
    <message>
        <source>Amount (%1)</source>
        <translation>Monto (%1)</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Monto</translation>
    </message>
    <message>
        <source>Budget code</source>
        <translation>Código presupuestario</translation>
    </message>
    <message>
        <source>Funding source</source>
        <translation>Fuente de financiamiento</translation>
    </message>
    <message>
        <source>Actual cost (%1)</source>
        <translation>Costo real (%1)</translation>
    </message>
    <message>
        <source>Actual cost</source>
        <translation>Costo real</translation>
    </message>
    <message>
        <source>No exchange rate for %1: the line counts as zero.</source>
        <translation>No hay tipo de cambio para %1: la línea cuenta como cero.</translation>
    </message>
    <message>
        <source>%1 for one %2, the rate of %3</source>
        <translation>%1 por cada %2, el tipo de cambio de %3</translation>
    </message>
    <message>
        <source>%1 over the budget</source>
        <translation>%1 por encima de lo presupuestado</translation>
    </message>
    <message numerus="yes">
        <source>Held: %n room-night(s), %1, the block as contracted: what the hotel may bill.</source>
        <translation>
            <numerusform>Contratadas: %n noche de habitación, %1, el bloque tal como se contrató: lo que el hotel puede facturar.</numerusform>
            <numerusform>Contratadas: %n noches de habitación, %1, el bloque tal como se contrató: lo que el hotel puede facturar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Used: %n room-night(s), %1, by the stays in the block: what this line counts.</source>
        <translation>
            <numerusform>Usadas: %n noche de habitación, %1, por las estancias del bloque: lo que cuenta esta línea.</numerusform>
            <numerusform>Usadas: %n noches de habitación, %1, por las estancias del bloque: lo que cuenta esta línea.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 held, %2 released (not counted)</source>
        <translation>%1 contratadas, %2 liberadas (no se cuentan)</translation>
    </message>
    <message numerus="yes">
        <source>Released: %n room-night(s), %1, held but not used: not in the budget, though until rooms can be released by a cut-off date the hotel may bill what it holds.</source>
        <translation>
            <numerusform>Liberadas: %n noche de habitación, %1, contratada pero no usada: no está en el presupuesto, aunque mientras no se puedan liberar habitaciones con una fecha límite el hotel puede facturar lo contratado.</numerusform>
            <numerusform>Liberadas: %n noches de habitación, %1, contratadas pero no usadas: no están en el presupuesto, aunque mientras no se puedan liberar habitaciones con una fecha límite el hotel puede facturar lo contratado.</numerusform>
        </translation>
    </message>
    <message>
        <source>only %1 held</source>
        <translation>solo %1 contratadas</translation>
    </message>
    <message numerus="yes">
        <source>Released: none. The stays use %n room-night(s) more than the block holds.</source>
        <translation>
            <numerusform>Liberadas: ninguna. Las estancias usan %n noche de habitación más de las que tiene el bloque.</numerusform>
            <numerusform>Liberadas: ninguna. Las estancias usan %n noches de habitación más de las que tiene el bloque.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n línea</numerusform>
            <numerusform>%n líneas</numerusform>
        </translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>A&amp;ctual Cost…</source>
        <translation>Costo &amp;real…</translation>
    </message>
    <message>
        <source>Delete the budget line “%1”?</source>
        <translation>¿Eliminar la línea presupuestaria «%1»?</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n budget line(s)?</source>
        <translation>
            <numerusform>¿Eliminar %n línea presupuestaria?</numerusform>
            <numerusform>¿Eliminar %n líneas presupuestarias?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>You can undo this with Edit ▸ Undo (Ctrl+Z).</source>
        <translation>Puede deshacer esta acción con Editar ▸ Deshacer (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Add Line…</source>
        <translation>Agregar línea…</translation>
    </message>
    <message>
        <source>Expand All</source>
        <translation>Expandir todo</translation>
    </message>
    <message>
        <source>Collapse All</source>
        <translation>Contraer todo</translation>
    </message>
    <message>
        <source>Copy rows</source>
        <translation>Copiar filas</translation>
    </message>
</context>
<context>
    <name>ListPages</name>
    <message>
        <source>Open</source>
        <translation>Horario</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <source>Search (Ctrl+F)…</source>
        <translation>Buscar (Ctrl+F)…</translation>
    </message>
    <message>
        <source>Search %s</source>
        <translation>Buscar en %s</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>A&amp;gregar…</translation>
    </message>
    <message>
        <source>Add a new %s (Ctrl+Shift+N)</source>
        <translation>Agregar %s (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>Edit the selected item (Enter)</source>
        <translation>Editar el elemento seleccionado (Enter)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <source>Delete the selected items (Del)</source>
        <translation>Eliminar los elementos seleccionados (Del)</translation>
    </message>
    <message>
        <source>Hidden by Preferences ▸ Personal data</source>
        <translation>Oculta según Preferencias ▸ Datos personales</translation>
    </message>
    <message>
        <source>%1 of %2 %3 shown</source>
        <translation>%1 de %2 %3 visibles</translation>
    </message>
    <message>
        <source>No %1 yet. Add the first with Add… (Ctrl+Shift+N).</source>
        <translation>Aún no hay %1. Para empezar, pulse Agregar… (Ctrl+Shift+N).</translation>
    </message>
    <message>
        <source>No %1 for what is selected above.</source>
        <translation>No hay %1 para lo seleccionado arriba.</translation>
    </message>
    <message>
        <source>Nothing matches “%1”. Clear the search to see all %2.</source>
        <translation>Ningún resultado para “%1”. Borre la búsqueda para volver a ver la lista de %2.</translation>
    </message>
    <message>
        <source>Delete the %1 “%2”?</source>
        <translation>¿Eliminar %1 “%2”?</translation>
    </message>
    <message>
        <source>Delete %1 %2?</source>
        <translation>¿Eliminar %1 %2?</translation>
    </message>
    <message>
        <source>This also removes or changes:</source>
        <translation>Esto también elimina o modifica:</translation>
    </message>
    <message>
        <source>You can undo this with Edit ▸ Undo (Ctrl+Z).</source>
        <translation>Puede deshacer esta acción con Editar ▸ Deshacer (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Agregar…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Copy rows</source>
        <translation>Copiar filas</translation>
    </message>
    <message>
        <source>History of This Item…</source>
        <translation>Historial de este elemento…</translation>
    </message>
    <message>
        <source>History of this item</source>
        <translation>Historial de este elemento</translation>
    </message>
</context>
<context>
    <name>LogisticsForms</name>
    <message>
        <source>not known</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(sin especificar)</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Viaje</translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation>&amp;Quién</translation>
    </message>
    <message>
        <source>(choose a person)</source>
        <translation>(elija una persona)</translation>
    </message>
    <message>
        <source>&amp;Direction</source>
        <translation>Se&amp;ntido</translation>
    </message>
    <message>
        <source>An arrival in town, or a departure from it.</source>
        <translation>Una llegada a la ciudad o una salida de ella.</translation>
    </message>
    <message>
        <source>&amp;Travel by</source>
        <translation>&amp;Medio de transporte</translation>
    </message>
    <message>
        <source>Air&amp;line or carrier</source>
        <translation>Aerolínea o &amp;empresa</translation>
    </message>
    <message>
        <source>e.g. Copa Airlines</source>
        <translation>p. ej., Copa Airlines</translation>
    </message>
    <message>
        <source>Flight or service &amp;no.</source>
        <translation>N.º de &amp;vuelo o servicio</translation>
    </message>
    <message>
        <source>&amp;Airport or terminal</source>
        <translation>&amp;Aeropuerto o terminal</translation>
    </message>
    <message>
        <source>Where they land or leave from in town; transfers start or end here.</source>
        <translation>Dónde llegan o de dónde salen en la ciudad; los traslados empiezan o terminan aquí.</translation>
    </message>
    <message>
        <source>Ticket &amp;price</source>
        <translation>&amp;Costo del boleto</translation>
    </message>
    <message>
        <source>e.g. 486.40</source>
        <translation>p. ej., 486.40</translation>
    </message>
    <message>
        <source>A return ticket&apos;s price goes on one of its two journeys; leave empty if the plan does not pay for it.</source>
        <translation>El costo de un boleto de ida y vuelta va en uno de sus dos trayectos; déjelo vacío si el plan no lo paga.</translation>
    </message>
    <message>
        <source>Price c&amp;urrency</source>
        <translation>Moneda del &amp;boleto</translation>
    </message>
    <message>
        <source>Note&amp;s</source>
        <translation>N&amp;otas</translation>
    </message>
    <message>
        <source>Times, as on the ticket</source>
        <translation>Horas, como figuran en el boleto</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <source>e.g. Panama City (PTY)</source>
        <translation>p. ej., Ciudad de Panamá (PTY)</translation>
    </message>
    <message>
        <source>D&amp;eparts</source>
        <translation>&amp;Salida</translation>
    </message>
    <message>
        <source>Departure time &amp;zone</source>
        <translation>&amp;Zona horaria de salida</translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <source>e.g. Tegucigalpa (TGU)</source>
        <translation>p. ej., Tegucigalpa (TGU)</translation>
    </message>
    <message>
        <source>A&amp;rrives</source>
        <translation>&amp;Llegada</translation>
    </message>
    <message>
        <source>Arr&amp;ival time zone</source>
        <translation>Zona hora&amp;ria de llegada</translation>
    </message>
    <message>
        <source>Local times where the journey leaves and lands; tick a time once it is known.</source>
        <translation>Horas locales del lugar de salida y del de llegada; marque cada hora cuando se conozca.</translation>
    </message>
    <message>
        <source>(choose a hotel)</source>
        <translation>(elija un hotel)</translation>
    </message>
    <message>
        <source>Rooms held by a hotel</source>
        <translation>Habitaciones reservadas en un hotel</translation>
    </message>
    <message>
        <source>&amp;Hotel</source>
        <translation>&amp;Hotel</translation>
    </message>
    <message>
        <source>Room &amp;type</source>
        <translation>&amp;Tipo de habitación</translation>
    </message>
    <message>
        <source>e.g. Single, Double</source>
        <translation>p. ej., Sencilla, Doble</translation>
    </message>
    <message>
        <source>&amp;Rooms</source>
        <translation>Ha&amp;bitaciones</translation>
    </message>
    <message>
        <source> rooms</source>
        <translation> habitaciones</translation>
    </message>
    <message>
        <source>Check-&amp;in</source>
        <translation>&amp;Entrada</translation>
    </message>
    <message>
        <source>The first night held.</source>
        <translation>La primera noche reservada.</translation>
    </message>
    <message>
        <source>Check-&amp;out</source>
        <translation>&amp;Salida</translation>
    </message>
    <message>
        <source>The morning after the last night.</source>
        <translation>La mañana siguiente a la última noche.</translation>
    </message>
    <message>
        <source>&amp;Nightly rate</source>
        <translation>Tarifa por &amp;noche</translation>
    </message>
    <message>
        <source>e.g. 85.50</source>
        <translation>p. ej., 85.50</translation>
    </message>
    <message>
        <source>For one room and one night; leave empty if not known.</source>
        <translation>Por una habitación y una noche; déjelo vacío si no se conoce.</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>&amp;Moneda</translation>
    </message>
    <message>
        <source>&amp;Breakfast</source>
        <translation>&amp;Desayuno</translation>
    </message>
    <message>
        <source>Included in the nightly rate</source>
        <translation>Incluido en la tarifa por noche</translation>
    </message>
    <message>
        <source>The per diem of the people staying then leaves out breakfast.</source>
        <translation>Los viáticos de quienes se alojan no incluyen entonces el desayuno.</translation>
    </message>
    <message>
        <source>&amp;Cut-off date</source>
        <translation>&amp;Fecha límite</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Rooms no one is named for by then go back to the hotel (the release date); the check warns a week before.</source>
        <translation>Las habitaciones sin nadie asignado para entonces vuelven al hotel (la fecha de liberación); la revisión avisa una semana antes.</translation>
    </message>
    <message>
        <source>&amp;Attrition allowance</source>
        <translation>M&amp;argen de desgaste</translation>
    </message>
    <message>
        <source>The share of the room-nights held that may go unused without charge; the check says what the hotel may bill below it.</source>
        <translation>La parte de las noches de habitación reservadas que puede quedar sin usar sin cargo; la revisión dice cuánto puede cobrar el hotel por debajo de ella.</translation>
    </message>
    <message>
        <source>e.g. who at the hotel handles the block</source>
        <translation>p. ej., quién gestiona el bloque en el hotel</translation>
    </message>
    <message>
        <source>rooms</source>
        <translation>habitaciones</translation>
    </message>
    <message>
        <source>%1 × %2, %3 to %4</source>
        <translation>%1 × %2, del %3 al %4</translation>
    </message>
    <message>
        <source>(booked apart from the room blocks)</source>
        <translation>(reservada fuera de los bloques de habitaciones)</translation>
    </message>
    <message>
        <source>Hotel stay</source>
        <translation>Estancia en hotel</translation>
    </message>
    <message>
        <source>Room &amp;block</source>
        <translation>&amp;Bloque de habitaciones</translation>
    </message>
    <message>
        <source>The hotel&apos;s rooms held for the plan that this stay uses.</source>
        <translation>Las habitaciones reservadas en el hotel para el plan que usa esta estancia.</translation>
    </message>
    <message>
        <source>The morning they leave.</source>
        <translation>La mañana en que se van.</translation>
    </message>
    <message>
        <source>&amp;Sharing with</source>
        <translation>&amp;Comparte con</translation>
    </message>
    <message>
        <source>(a room of their own)</source>
        <translation>(no comparte habitación)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>(choose a place)</source>
        <translation>(elija un lugar)</translation>
    </message>
    <message>
        <source>Road time</source>
        <translation>Tiempo de trayecto</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <source>The time holds either way.</source>
        <translation>El tiempo vale en ambos sentidos.</translation>
    </message>
    <message>
        <source>&amp;Driving time</source>
        <translation>&amp;Tiempo de manejo</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>By van, in usual traffic; rides and site visits are checked against it.</source>
        <translation>En microbús, con tráfico normal; se usa para revisar los trayectos y las visitas de campo.</translation>
    </message>
    <message>
        <source>D&amp;istance</source>
        <translation>D&amp;istancia</translation>
    </message>
    <message>
        <source> km</source>
        <translation> km</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otas</translation>
    </message>
    <message>
        <source>e.g. road works near Zambrano</source>
        <translation>p. ej., obras en la carretera cerca de Zambrano</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin especificar</translation>
    </message>
    <message>
        <source>(choose a site visit)</source>
        <translation>(elija una visita de campo)</translation>
    </message>
    <message>
        <source>Stop of a site visit</source>
        <translation>Parada de una visita de campo</translation>
    </message>
    <message>
        <source>Site &amp;visit</source>
        <translation>&amp;Visita de campo</translation>
    </message>
    <message>
        <source>&amp;Order</source>
        <translation>O&amp;rden</translation>
    </message>
    <message>
        <source>1 for the first stop of the visit.</source>
        <translation>1 para la primera parada de la visita.</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Lugar</translation>
    </message>
    <message>
        <source>&amp;Arrives</source>
        <translation>Ll&amp;egada</translation>
    </message>
    <message>
        <source>Local time in %s</source>
        <translation>Hora local de %s</translation>
    </message>
    <message>
        <source>&amp;Leaves</source>
        <translation>&amp;Salida</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>&amp;Anfitrión</translation>
    </message>
    <message>
        <source>e.g. Sub-inspector in charge</source>
        <translation>p. ej., Subinspector a cargo</translation>
    </message>
    <message>
        <source>Host&apos;s phone or &amp;email</source>
        <translation>&amp;Teléfono o correo del anfitrión</translation>
    </message>
    <message>
        <source>&amp;Clearance</source>
        <translation>A&amp;utorización</translation>
    </message>
    <message>
        <source>Permission to enter, where the place asks for it.</source>
        <translation>Permiso de ingreso, cuando el lugar lo exige.</translation>
    </message>
    <message>
        <source>e.g. bring passports; no photographs</source>
        <translation>p. ej., llevar pasaporte; no se permiten fotografías</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>Vehículo</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>e.g. Van 1</source>
        <translation>p. ej., Microbús 1</translation>
    </message>
    <message>
        <source>Passenger &amp;seats</source>
        <translation>&amp;Asientos para pasajeros</translation>
    </message>
    <message>
        <source> seats</source>
        <translation> asientos</translation>
    </message>
    <message>
        <source>Not counting the driver.</source>
        <translation>Sin contar al conductor.</translation>
    </message>
    <message>
        <source>&amp;Driver</source>
        <translation>&amp;Conductor</translation>
    </message>
    <message>
        <source>(no driver yet)</source>
        <translation>(aún sin conductor)</translation>
    </message>
    <message>
        <source>People with the role Driver are listed first.</source>
        <translation>Las personas con el rol Conductor(a) aparecen primero.</translation>
    </message>
    <message>
        <source>&amp;Provider</source>
        <translation>&amp;Proveedor</translation>
    </message>
    <message>
        <source>e.g. Transportes Morazán</source>
        <translation>p. ej., Transportes Morazán</translation>
    </message>
    <message>
        <source>P&amp;late</source>
        <translation>P&amp;laca</translation>
    </message>
    <message>
        <source>Day &amp;rate</source>
        <translation>&amp;Tarifa diaria</translation>
    </message>
    <message>
        <source>e.g. 120.00</source>
        <translation>p. ej., 120.00</translation>
    </message>
    <message>
        <source>With the driver; leave empty if not known.</source>
        <translation>Con conductor incluido; déjelo vacío si no se conoce.</translation>
    </message>
    <message>
        <source>%1 (%2 seats)</source>
        <translation>%1 (%2 asientos)</translation>
    </message>
    <message>
        <source>(no vehicle yet)</source>
        <translation>(aún sin vehículo)</translation>
    </message>
    <message>
        <source>Filter groups, delegations, people…</source>
        <translation>Filtrar grupos, delegaciones, personas…</translation>
    </message>
    <message>
        <source>(none: an airport transfer or another ride)</source>
        <translation>(ninguna: traslado de aeropuerto u otro trayecto)</translation>
    </message>
    <message>
        <source>Ride</source>
        <translation>Traslado</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <source>e.g. Airport pick-up, CM 421</source>
        <translation>p. ej., Recogida en el aeropuerto, CM 421</translation>
    </message>
    <message>
        <source>&amp;Vehicle</source>
        <translation>&amp;Vehículo</translation>
    </message>
    <message>
        <source>&amp;Site visit</source>
        <translation>V&amp;isita de campo</translation>
    </message>
    <message>
        <source>Passengers</source>
        <translation>Pasajeros</translation>
    </message>
    <message>
        <source>&amp;Passengers</source>
        <translation>&amp;Pasajeros</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n persona</numerusform>
            <numerusform>%n personas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 for %2 seats</source>
        <translation>%1 para %2 asientos</translation>
    </message>
</context>
<context>
    <name>LogisticsPages</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salas</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Asientos</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacidad</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Equipamiento</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Driving time</source>
        <translation>Tiempo de manejo</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distancia</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Lugares</translation>
    </message>
    <message>
        <source>Road times</source>
        <translation>Tiempos de trayecto</translation>
    </message>
    <message>
        <source>Rooms and road times of the selected place. Select no place to see them all.</source>
        <translation>Salas y tiempos de trayecto del lugar seleccionado. Para verlos todos, no seleccione ningún lugar.</translation>
    </message>
    <message>
        <source>All rooms and road times. Select a place to see only its own.</source>
        <translation>Todas las salas y tiempos de trayecto. Seleccione un lugar para ver solo los suyos.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Delegación</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sentido</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Flight</source>
        <translation>Vuelo</translation>
    </message>
    <message>
        <source>From or to</source>
        <translation>Origen o destino</translation>
    </message>
    <message>
        <source>Airport</source>
        <translation>Aeropuerto</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Medio</translation>
    </message>
    <message>
        <source>Departs</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Arrives</source>
        <translation>Llegada</translation>
    </message>
    <message>
        <source>Arrivals and departures</source>
        <translation>Llegadas y salidas</translation>
    </message>
    <message>
        <source>Hotel</source>
        <translation>Hotel</translation>
    </message>
    <message>
        <source>Room type</source>
        <comment>a short heading</comment>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Nightly rate</source>
        <comment>a short heading</comment>
        <translation>Tarifa/noche</translation>
    </message>
    <message>
        <source>In the budget</source>
        <comment>a short heading</comment>
        <translation>En presupuesto</translation>
    </message>
    <message>
        <source>Room type</source>
        <translation>Tipo de habitación</translation>
    </message>
    <message>
        <source>Rooms</source>
        <comment>in a hotel</comment>
        <translation>Hab.</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Reservadas</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Check-out</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Nights</source>
        <translation>Noches</translation>
    </message>
    <message>
        <source>Total held</source>
        <translation>Total contratado</translation>
    </message>
    <message>
        <source>%1 rooms × %2 nights × the nightly rate: the block as contracted, what the hotel may bill</source>
        <translation>%1 habitaciones × %2 noches × la tarifa por noche: el bloque tal como se contrató, lo que el hotel puede facturar</translation>
    </message>
    <message numerus="yes">
        <source>%n room-night(s) used × the nightly rate: what the budget counts</source>
        <translation>
            <numerusform>%n noche de habitación usada × la tarifa por noche: lo que cuenta el presupuesto</numerusform>
            <numerusform>%n noches de habitación usadas × la tarifa por noche: lo que cuenta el presupuesto</numerusform>
        </translation>
    </message>
    <message>
        <source>Sharing with</source>
        <translation>Comparte con</translation>
    </message>
    <message>
        <source>Room blocks</source>
        <translation>Bloques de habitaciones</translation>
    </message>
    <message>
        <source>Hotel stays</source>
        <translation>Estancias en hotel</translation>
    </message>
    <message>
        <source>Held, used and released count room-nights (a room for a night). The budget counts the room-nights used; until rooms can be released by a cut-off date the hotel may bill those held.</source>
        <translation>Contratadas, usadas y liberadas cuentan noches de habitación (una habitación por una noche). El presupuesto cuenta las noches de habitación usadas; mientras no se puedan liberar habitaciones con una fecha límite, el hotel puede facturar las contratadas.</translation>
    </message>
    <message>
        <source>Stays in the selected room block. Select no block to see every stay, booked in a block or not.</source>
        <translation>Estancias del bloque de habitaciones seleccionado. Para ver todas las estancias, estén o no reservadas en un bloque, no seleccione ningún bloque.</translation>
    </message>
    <message>
        <source>Every hotel stay. Select a room block to see only the stays in it.</source>
        <translation>Todas las estancias en hotel. Seleccione un bloque de habitaciones para ver solo sus estancias.</translation>
    </message>
    <message>
        <source>no rate</source>
        <translation>sin tarifa</translation>
    </message>
    <message numerus="yes">
        <source>%n room-night(s) held (%1 rooms × %2 nights), %3: the block as contracted, what the hotel may bill</source>
        <translation>
            <numerusform>%n noche de habitación contratada (%1 habitaciones × %2 noches), %3: el bloque tal como se contrató, lo que el hotel puede facturar</numerusform>
            <numerusform>%n noches de habitación contratadas (%1 habitaciones × %2 noches), %3: el bloque tal como se contrató, lo que el hotel puede facturar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n room-night(s) used by the stays in the block (two people sharing a room use one), %1: what the budget counts</source>
        <translation>
            <numerusform>%n noche de habitación usada por las estancias del bloque (dos personas que comparten habitación usan una), %1: lo que cuenta el presupuesto</numerusform>
            <numerusform>%n noches de habitación usadas por las estancias del bloque (dos personas que comparten habitación usan una), %1: lo que cuenta el presupuesto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>That is %n room-night(s) more than the block holds.</source>
        <translation>
            <numerusform>Es %n noche de habitación más de las que tiene el bloque.</numerusform>
            <numerusform>Son %n noches de habitación más de las que tiene el bloque.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every room-night held is used: none is released.</source>
        <translation>Se usan todas las noches de habitación contratadas: no se libera ninguna.</translation>
    </message>
    <message numerus="yes">
        <source>%n room-night(s) held but not used, %1: not in the budget, though until rooms can be released by a cut-off date the hotel may bill what it holds</source>
        <translation>
            <numerusform>%n noche de habitación contratada pero no usada, %1: no está en el presupuesto, aunque mientras no se puedan liberar habitaciones con una fecha límite el hotel puede facturar lo contratado</numerusform>
            <numerusform>%n noches de habitación contratadas pero no usadas, %1: no están en el presupuesto, aunque mientras no se puedan liberar habitaciones con una fecha límite el hotel puede facturar lo contratado</numerusform>
        </translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Contratadas</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Usadas</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Liberadas</translation>
    </message>
    <message>
        <source>Leaves</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Ride</source>
        <translation>Traslado</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>Vehículo</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>%1 people for %2 seats</source>
        <translation>%1 personas para %2 asientos</translation>
    </message>
    <message>
        <source>Passengers</source>
        <translation>Pasajeros</translation>
    </message>
    <message>
        <source>Site visit</source>
        <translation>Visita de campo</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Stops</source>
        <translation>Paradas</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>Clearance</source>
        <translation>Autorización</translation>
    </message>
    <message>
        <source>Who goes</source>
        <translation>Quiénes van</translation>
    </message>
    <message>
        <source>Rides</source>
        <translation>Trayectos</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>Vehículos</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Anfitrión</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Site visits</source>
        <translation>Visitas de campo</translation>
    </message>
    <message>
        <source>The stops and rides of the selected visit. Select no visit to see those of every visit.</source>
        <translation>Paradas y trayectos de la visita seleccionada. Para ver los de todas las visitas, no seleccione ninguna.</translation>
    </message>
    <message>
        <source>The stops and rides of every visit. Select a visit to see only its own; airport transfers are under Vehicles.</source>
        <translation>Paradas y trayectos de todas las visitas. Seleccione una visita para ver solo los suyos; los traslados de aeropuerto están en Vehículos.</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Conductor</translation>
    </message>
    <message>
        <source>Driver&apos;s phone</source>
        <translation>Teléfono del conductor</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>Placa</translation>
    </message>
    <message>
        <source>Day rate</source>
        <translation>Tarifa diaria</translation>
    </message>
    <message>
        <source>The rides of the selected vehicle. Select no vehicle to see every ride, airport transfers and site visits alike.</source>
        <translation>Trayectos del vehículo seleccionado. Para ver todos los trayectos, tanto traslados de aeropuerto como visitas de campo, no seleccione ningún vehículo.</translation>
    </message>
    <message>
        <source>Every ride. Select a vehicle to see only its rides.</source>
        <translation>Todos los trayectos. Seleccione un vehículo para ver solo los suyos.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>Curriculum</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Delegations</source>
        <translation>Delegaciones</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organizaciones</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>Places &amp;&amp; rooms</source>
        <translation>Lugares y salas</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Viajes</translation>
    </message>
    <message>
        <source>Accommodation</source>
        <translation>Alojamiento</translation>
    </message>
    <message>
        <source>Site visits</source>
        <translation>Visitas de campo</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>Vehículos</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Presupuesto</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problema</numerusform>
            <numerusform>%n problemas</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Sin problemas</translation>
    </message>
    <message>
        <source>Show the problems panel (F8)</source>
        <translation>Mostrar el panel de problemas (F8)</translation>
    </message>
    <message>
        <source>No plan open</source>
        <translation>Ningún plan abierto</translation>
    </message>
    <message>
        <source>A shared plan: every change is saved at once on the server, and the changes of others appear within seconds.</source>
        <translation>Un plan compartido: cada cambio se guarda al instante en el servidor, y los cambios de los demás aparecen en segundos.</translation>
    </message>
    <message>
        <source>Every change is saved at once in this file.</source>
        <translation>Cada cambio se guarda de inmediato en este archivo.</translation>
    </message>
    <message>
        <source>Saved · change no. %s</source>
        <translation>Guardado · cambio n.º %s</translation>
    </message>
    <message>
        <source>The server does not answer; the changes of others will show once it does. %1</source>
        <translation>El servidor no responde; los cambios de los demás aparecerán cuando responda. %1</translation>
    </message>
    <message>
        <source>The server answers again.</source>
        <translation>El servidor responde de nuevo.</translation>
    </message>
    <message>
        <source>About Delegation Planner</source>
        <translation>Acerca de Delegation Planner</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Delegation Planner %1&lt;/h3&gt;&lt;p&gt;Plan exchange visits and trainings: delegations, people, groups, rooms and the agenda, in one plan file.&lt;/p&gt;&lt;p&gt;Every change is saved at once; Edit ▸ Undo takes it back.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Delegation Planner %1&lt;/h3&gt;&lt;p&gt;Planifique visitas de intercambio y capacitaciones: delegaciones, personas, grupos, salas y la agenda, en un solo archivo de plan.&lt;/p&gt;&lt;p&gt;Cada cambio se guarda de inmediato; Editar ▸ Deshacer lo revierte.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>No se pudo completar</translation>
    </message>
    <message>
        <source>Something unexpected went wrong (%1: %2). Your plan is safe: every change you completed is saved. If it happens again, please report what you did.</source>
        <translation>Ocurrió un error inesperado (%1: %2). Su plan está a salvo: cada cambio que completó ya está guardado. Si vuelve a ocurrir, informe qué estaba haciendo.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge people listed twice</source>
        <translation>Fusionar personas registradas dos veces</translation>
    </message>
    <message>
        <source>People found more than once</source>
        <translation>Personas encontradas más de una vez</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Delegación</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>ID or passport no.</source>
        <translation>N.º de identidad o pasaporte</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>Position or rank</source>
        <translation>Cargo o grado</translation>
    </message>
    <message>
        <source>Select the record to keep. The others are merged into it: their groups, sessions, modules and unavailable times move to it, its blank fields are filled from theirs, and they are removed. Edit ▸ Undo takes a merge back.</source>
        <translation>Seleccione el registro que se conserva. Los demás se fusionan con él: sus grupos, sesiones, módulos y horas no disponibles pasan a él, sus campos vacíos se completan con los de ellos, y los demás se eliminan. Editar ▸ Deshacer revierte la fusión.</translation>
    </message>
    <message>
        <source>&amp;Merge into the Selected Record</source>
        <translation>&amp;Fusionar en el registro seleccionado</translation>
    </message>
    <message>
        <source>&amp;Not the Same Person</source>
        <translation>&amp;No es la misma persona</translation>
    </message>
    <message>
        <source>Leave these records as they are and hide them from this list until it is opened again.</source>
        <translation>Dejar estos registros como están y ocultarlos de esta lista hasta que se vuelva a abrir.</translation>
    </message>
    <message>
        <source>%1 (%2 records)</source>
        <translation>%1 (%2 registros)</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) listed more than once.</source>
        <translation>
            <numerusform>%n persona aparece más de una vez.</numerusform>
            <numerusform>%n personas aparecen más de una vez.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge the %n selected people into one.</source>
        <translation>
            <numerusform>Fusionar la %n persona seleccionada en una.</numerusform>
            <numerusform>Fusionar las %n personas seleccionadas en una.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody is listed twice: no two people share an ID or passport number, an email, or a name and date of birth.</source>
        <translation>Nadie está registrado dos veces: no hay dos personas con el mismo número de identidad o pasaporte, correo electrónico, o nombre y fecha de nacimiento.</translation>
    </message>
    <message>
        <source>Select at least two people to merge.</source>
        <translation>Seleccione al menos dos personas para fusionar.</translation>
    </message>
    <message numerus="yes">
        <source>Merge %n person(s) into %1</source>
        <translation>
            <numerusform>Fusionar %n persona en %1</numerusform>
            <numerusform>Fusionar %n personas en %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OptionalDateTimeField</name>
    <message>
        <source>Tick when the time is known</source>
        <translation>Marque cuando se conozca la hora</translation>
    </message>
    <message>
        <source>Time known</source>
        <translation>Hora conocida</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Edit plan &amp;details…</source>
        <translation>Editar &amp;datos del plan…</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <source>Delegations</source>
        <translation>Delegaciones</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salas</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>People by sex</source>
        <translation>Personas por sexo</translation>
    </message>
    <message>
        <source>People by delegation</source>
        <translation>Personas por delegación</translation>
    </message>
    <message>
        <source>People by role</source>
        <translation>Personas por rol</translation>
    </message>
    <message>
        <source>Sessions per day</source>
        <translation>Sesiones por día</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Organised by %s</source>
        <translation>Organizado por %s</translation>
    </message>
    <message>
        <source>Funded by %s</source>
        <translation>Financiado por %s</translation>
    </message>
    <message numerus="yes">
        <source>%n taking part; %1 more declined, were replaced or cancelled (People list, Status)</source>
        <translation>
            <numerusform>%n participa; otras %1 declinaron, fueron reemplazadas o canceladas (lista de Personas, Estado)</numerusform>
            <numerusform>%n participan; otras %1 declinaron, fueron reemplazadas o canceladas (lista de Personas, Estado)</numerusform>
        </translation>
    </message>
    <message>
        <source>Change no. %1, by %2 on %3 at %4</source>
        <translation>Cambio n.º %1, por %2, el %3 a las %4</translation>
    </message>
    <message>
        <source>Today could not be read: %1</source>
        <translation>No se pudo leer el día de hoy: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n persona</numerusform>
            <numerusform>%n personas</numerusform>
        </translation>
    </message>
    <message>
        <source>Landing</source>
        <translation>Aterrizan</translation>
    </message>
    <message>
        <source>Leaving</source>
        <translation>Salen</translation>
    </message>
    <message>
        <source>On the road</source>
        <translation>En carretera</translation>
    </message>
    <message>
        <source>Site visit</source>
        <translation>Visita de campo</translation>
    </message>
    <message>
        <source>Tonight</source>
        <translation>Esta noche</translation>
    </message>
    <message>
        <source>Taking part from today</source>
        <translation>Participan desde hoy</translation>
    </message>
    <message>
        <source>%1 (in place of %2)</source>
        <translation>%1 (en lugar de %2)</translation>
    </message>
    <message>
        <source>No longer taking part</source>
        <translation>Ya no participan</translation>
    </message>
    <message>
        <source>Changed since yesterday</source>
        <translation>Cambios desde ayer</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Hoy, %1</translation>
    </message>
</context>
<context>
    <name>PathField</name>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Save the plan as</source>
        <translation>Guardar el plan como</translation>
    </message>
</context>
<context>
    <name>PeopleForms</name>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>e.g. National Border Service of Panama</source>
        <translation>p. ej., Servicio Nacional de Fronteras de Panamá</translation>
    </message>
    <message>
        <source>&amp;Acronym</source>
        <translation>&amp;Siglas</translation>
    </message>
    <message>
        <source>&amp;Country</source>
        <translation>&amp;País</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otas</translation>
    </message>
    <message>
        <source>(no head chosen)</source>
        <translation>(sin jefatura elegida)</translation>
    </message>
    <message>
        <source>Add the delegation&apos;s people first, then choose its head here.</source>
        <translation>Primero agregue las personas de la delegación; luego elija aquí quién la encabeza.</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Delegación</translation>
    </message>
    <message>
        <source>e.g. Panama delegation</source>
        <translation>p. ej., Delegación de Panamá</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organización</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <source>&amp;Head</source>
        <translation>&amp;Jefatura</translation>
    </message>
    <message>
        <source>Co&amp;lour</source>
        <translation>&amp;Color</translation>
    </message>
    <message>
        <source>Used in lists and on the calendar.</source>
        <translation>Se usa en las listas y en el calendario.</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>No&amp;tas</translation>
    </message>
    <message>
        <source>Declined, replaced and cancelled people leave every audience, rooming list, manifest and count from the day below, and stay in the plan. To send someone in their place, use Replace With… on the People list.</source>
        <translation>Quienes declinan, son reemplazados o cancelados salen de toda audiencia, lista de habitaciones, lista de pasajeros y conteo desde el día de abajo, y siguen en el plan. Para enviar a alguien en su lugar, use Reemplazar por… en la lista de Personas.</translation>
    </message>
    <message>
        <source>from the start</source>
        <translation>desde el inicio</translation>
    </message>
    <message>
        <source>Describe the role</source>
        <translation>Describa el rol</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>Filter groups…</source>
        <translation>Filtrar grupos…</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identidad</translation>
    </message>
    <message>
        <source>Gi&amp;ven names</source>
        <translation>&amp;Nombres</translation>
    </message>
    <message>
        <source>&amp;Family names</source>
        <translation>&amp;Apellidos</translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation>&amp;Sexo</translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation>Fec&amp;ha de nacimiento</translation>
    </message>
    <message>
        <source>&amp;Nationality</source>
        <translation>Na&amp;cionalidad</translation>
    </message>
    <message>
        <source>&amp;ID or passport no.</source>
        <translation>N.º de &amp;identidad o pasaporte</translation>
    </message>
    <message>
        <source>Role in the plan</source>
        <translation>Rol en el plan</translation>
    </message>
    <message>
        <source>&amp;Delegation</source>
        <translation>&amp;Delegación</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rol</translation>
    </message>
    <message>
        <source>Role des&amp;cription</source>
        <translation>Descri&amp;pción del rol</translation>
    </message>
    <message>
        <source>&amp;Position or rank</source>
        <translation>Cargo o &amp;grado</translation>
    </message>
    <message>
        <source>D&amp;uty station</source>
        <translation>Lugar de traba&amp;jo</translation>
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation>Gr&amp;upos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Status from</source>
        <translation>Estado desde</translation>
    </message>
    <message>
        <source>Contact and needs</source>
        <translation>Contacto y necesidades</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>Correo &amp;electrónico</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>Telé&amp;fono</translation>
    </message>
    <message>
        <source>&amp;Languages</source>
        <translation>Idio&amp;mas</translation>
    </message>
    <message>
        <source>e.g. Spanish, English</source>
        <translation>p. ej., español, inglés</translation>
    </message>
    <message>
        <source>Dietar&amp;y needs</source>
        <translation>Necesidades a&amp;limentarias</translation>
    </message>
    <message>
        <source>e.g. Vegetarian</source>
        <translation>p. ej., comida vegetariana</translation>
    </message>
    <message>
        <source>&amp;Accessibility needs</source>
        <translation>Necesidades de accesi&amp;bilidad</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>no se necesita</translation>
    </message>
    <message>
        <source>Duty of care</source>
        <translation>Deber de cuidado</translation>
    </message>
    <message>
        <source>Emer&amp;gency contact</source>
        <translation>Contacto de emer&amp;gencia</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Parentesco</translation>
    </message>
    <message>
        <source>e.g. spouse, sister</source>
        <translation>p. ej., cónyuge, hermana</translation>
    </message>
    <message>
        <source>Emergency phone</source>
        <translation>Teléfono de emergencia</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>Seguro</translation>
    </message>
    <message>
        <source>Policy number</source>
        <translation>Número de póliza</translation>
    </message>
    <message>
        <source>Insured until</source>
        <translation>Asegurado(a) hasta</translation>
    </message>
    <message>
        <source>Travel document</source>
        <translation>Documento de viaje</translation>
    </message>
    <message>
        <source>Its number is the ID or passport number.</source>
        <translation>Su número es el n.º de identidad o pasaporte.</translation>
    </message>
    <message>
        <source>Document expires</source>
        <translation>Vencimiento del documento</translation>
    </message>
    <message>
        <source>Visa</source>
        <translation>Visa</translation>
    </message>
    <message>
        <source>Visa number</source>
        <translation>Número de visa</translation>
    </message>
    <message>
        <source>Travel security clearance</source>
        <translation>Autorización de seguridad para viajar</translation>
    </message>
    <message>
        <source>The organisation&apos;s clearance to travel, not a site visit&apos;s access clearance.</source>
        <translation>La autorización de la organización para viajar, no la autorización de acceso de una visita de campo.</translation>
    </message>
    <message>
        <source>Clearance reference</source>
        <translation>Referencia de la autorización</translation>
    </message>
    <message>
        <source>Add %s</source>
        <translation>Agregar %s</translation>
    </message>
    <message>
        <source>Edit %s</source>
        <translation>Editar %s</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>e.g. Group A</source>
        <translation>p. ej., Grupo A</translation>
    </message>
    <message>
        <source>The delegation its members come from, if one.</source>
        <translation>La delegación de la que provienen sus integrantes, si la hay.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Integrantes</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>&amp;Integrantes</translation>
    </message>
    <message>
        <source>Filter people by name or delegation…</source>
        <translation>Filtrar personas por nombre o delegación…</translation>
    </message>
</context>
<context>
    <name>PeoplePages</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Integrantes</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>Mujeres</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>Hombres</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Jefatura</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Delegations</source>
        <translation>Delegaciones</translation>
    </message>
    <message>
        <source>Replaced by %1 from %2</source>
        <translation>Reemplazado(a) por %1 desde el %2</translation>
    </message>
    <message>
        <source>Replaced by %1</source>
        <translation>Reemplazado(a) por %1</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Desde el %1</translation>
    </message>
    <message>
        <source>Family names</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Nombres</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Delegación</translation>
    </message>
    <message>
        <source>Position or rank</source>
        <translation>Cargo o grado</translation>
    </message>
    <message>
        <source>Duty station</source>
        <translation>Lugar de trabajo</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
    </message>
    <message>
        <source>ID or passport no.</source>
        <translation>N.º de identidad o pasaporte</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Accessibility needs</source>
        <translation>Necesidades de accesibilidad</translation>
    </message>
    <message>
        <source>Dietary needs</source>
        <translation>Necesidades alimentarias</translation>
    </message>
    <message>
        <source>Badge code</source>
        <translation>Código de gafete</translation>
    </message>
    <message>
        <source>Printed as a QR code on the badge; scanned at the door</source>
        <translation>Impreso como código QR en el gafete; se escanea en la puerta</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Show people by status</source>
        <translation>Mostrar personas por estado</translation>
    </message>
    <message>
        <source>Show everyone, or only the people with a status</source>
        <translation>Mostrar a todos, o solo a las personas con un estado</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Taking part</source>
        <translation>Participan</translation>
    </message>
    <message>
        <source>Left (declined, replaced, cancelled)</source>
        <translation>Se retiraron (declinaron, fueron reemplazadas o canceladas)</translation>
    </message>
    <message>
        <source>Acronym</source>
        <translation>Sigla</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organizaciones</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <source>Search (Ctrl+F)…</source>
        <translation>Buscar (Ctrl+F)…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Delegación</translation>
    </message>
    <message>
        <source>Direct costs</source>
        <translation>Costos directos</translation>
    </message>
    <message>
        <source>Their per diem, fares and hotel nights (a shared room counts half)</source>
        <translation>Sus viáticos, boletos y noches de hotel (una habitación compartida cuenta la mitad)</translation>
    </message>
    <message>
        <source>Trainee-days</source>
        <translation>Días-participante</translation>
    </message>
    <message>
        <source>Days with a session they attend as a member of a group</source>
        <translation>Días con una sesión a la que asiste como miembro de un grupo</translation>
    </message>
    <message>
        <source>Shared costs</source>
        <translation>Costos compartidos</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Cost per participant</source>
        <translation>Costo por participante</translation>
    </message>
    <message>
        <source>Direct costs are a person&apos;s own per diem, fares and hotel nights; the shared costs are spread over the days each trainee attends. Lines entered by hand are not shared out.</source>
        <translation>Los costos directos son los viáticos, boletos y noches de hotel de cada persona; los costos compartidos se reparten entre los días a los que asiste cada participante. Las líneas ingresadas a mano no se reparten.</translation>
    </message>
    <message>
        <source>%1 trainee-days × %2</source>
        <translation>%1 días-participante × %2</translation>
    </message>
    <message>
        <source>%1 of %2 %3 shown</source>
        <translation>%1 de %2 %3 visibles</translation>
    </message>
</context>
<context>
    <name>PlacesForms</name>
    <message>
        <source>e.g. %1</source>
        <translation>p. ej., %1</translation>
    </message>
    <message>
        <source>(the plan&apos;s time zone)</source>
        <translation>(la zona horaria del plan)</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>e.g. Training centre</source>
        <translation>p. ej., Centro de capacitación</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>Ti&amp;po</translation>
    </message>
    <message>
        <source>&amp;City</source>
        <translation>&amp;Ciudad</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Dirección</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otas</translation>
    </message>
    <message>
        <source>Travel and opening hours</source>
        <translation>Viajes y horario de atención</translation>
    </message>
    <message>
        <source>Airport co&amp;de</source>
        <translation>Código de &amp;aeropuerto</translation>
    </message>
    <message>
        <source>three letters</source>
        <translation>tres letras</translation>
    </message>
    <message>
        <source>The three-letter code on tickets, for airports.</source>
        <translation>El código de tres letras que figura en los boletos, para aeropuertos.</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>&amp;Zona horaria</translation>
    </message>
    <message>
        <source>Only if not the plan&apos;s: an airport abroad.</source>
        <translation>Solo si no es la del plan: un aeropuerto en el extranjero.</translation>
    </message>
    <message>
        <source>&amp;Latitude</source>
        <translation>&amp;Latitud</translation>
    </message>
    <message>
        <source>decimal degrees, north +</source>
        <translation>grados decimales, norte +</translation>
    </message>
    <message>
        <source>Lon&amp;gitude</source>
        <translation>Lon&amp;gitud</translation>
    </message>
    <message>
        <source>decimal degrees, east +</source>
        <translation>grados decimales, este +</translation>
    </message>
    <message>
        <source>From a map: right-click the place and copy its coordinates.</source>
        <translation>De un mapa: haga clic derecho en el lugar y copie sus coordenadas.</translation>
    </message>
    <message>
        <source>O&amp;pens at</source>
        <translation>A&amp;bre a las</translation>
    </message>
    <message>
        <source>Leave both empty if it is always open.</source>
        <translation>Deje ambos vacíos si siempre está abierto.</translation>
    </message>
    <message>
        <source>Clo&amp;ses at</source>
        <translation>Cie&amp;rra a las</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>&amp;Sede</translation>
    </message>
    <message>
        <source>(choose a venue)</source>
        <translation>(elija una sede)</translation>
    </message>
    <message>
        <source>e.g. Room 1</source>
        <translation>p. ej., Sala 1</translation>
    </message>
    <message>
        <source>&amp;Capacity</source>
        <translation>&amp;Capacidad</translation>
    </message>
    <message>
        <source> seats</source>
        <translation> asientos</translation>
    </message>
    <message>
        <source>&amp;Equipment</source>
        <translation>&amp;Equipamiento</translation>
    </message>
    <message>
        <source>e.g. projector, flip chart</source>
        <translation>p. ej., proyector, rotafolio</translation>
    </message>
    <message>
        <source>Separate items with commas.</source>
        <translation>Separe los elementos con comas.</translation>
    </message>
    <message>
        <source>Day &amp;rate</source>
        <translation>&amp;Tarifa diaria</translation>
    </message>
    <message>
        <source>e.g. 250.00</source>
        <translation>p. ej., 250.00</translation>
    </message>
    <message>
        <source>What the plan pays for each day the room has a session; leave empty if the plan does not pay for it.</source>
        <translation>Lo que paga el plan por cada día en que la sala tiene una sesión; déjelo vacío si el plan no la paga.</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>&amp;Moneda</translation>
    </message>
</context>
<context>
    <name>PlanController</name>
    <message>
        <source>No plan is open.</source>
        <translation>No hay ningún plan abierto.</translation>
    </message>
    <message>
        <source>Add %s</source>
        <translation>Agregar %s</translation>
    </message>
    <message>
        <source>Edit %s</source>
        <translation>Editar %s</translation>
    </message>
    <message>
        <source>Delete %s</source>
        <translation>Eliminar %s</translation>
    </message>
    <message>
        <source>Accept a problem</source>
        <translation>Aceptar un problema</translation>
    </message>
    <message>
        <source>Take back an accepted problem</source>
        <translation>Retirar la aceptación de un problema</translation>
    </message>
</context>
<context>
    <name>PlanDialogs</name>
    <message>
        <source>(not set)</source>
        <translation>(sin especificar)</translation>
    </message>
    <message>
        <source>The plan</source>
        <translation>El plan</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <source>e.g. Training on migration and human rights at borders</source>
        <translation>p. ej., Capacitación sobre migración y derechos humanos en las fronteras</translation>
    </message>
    <message>
        <source>&amp;City</source>
        <translation>&amp;Ciudad</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>&amp;Zona horaria</translation>
    </message>
    <message>
        <source>Agenda times are wall-clock times in this zone.</source>
        <translation>Las horas de la agenda son horas locales de esta zona.</translation>
    </message>
    <message>
        <source>&amp;First day</source>
        <translation>&amp;Primer día</translation>
    </message>
    <message>
        <source>Include arrivals.</source>
        <translation>Incluya las llegadas.</translation>
    </message>
    <message>
        <source>&amp;Last day</source>
        <translation>Ú&amp;ltimo día</translation>
    </message>
    <message>
        <source>Include departures.</source>
        <translation>Incluya las salidas.</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>&amp;Moneda</translation>
    </message>
    <message>
        <source>Organisation and funding</source>
        <translation>Organización y financiamiento</translation>
    </message>
    <message>
        <source>&amp;Organiser</source>
        <translation>&amp;Organizador</translation>
    </message>
    <message>
        <source>Funding &amp;programme</source>
        <translation>Programa de &amp;financiamiento</translation>
    </message>
    <message>
        <source>&amp;Donor</source>
        <translation>&amp;Donante</translation>
    </message>
    <message>
        <source>Plans (*.dplan)</source>
        <translation>Planes (*.dplan)</translation>
    </message>
    <message>
        <source>&amp;Save as</source>
        <translation>&amp;Guardar como</translation>
    </message>
    <message>
        <source>One plan is one file.</source>
        <translation>Cada plan es un archivo.</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>Nuevo plan</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>&amp;Arrival airport</source>
        <translation>Aeropuerto de ll&amp;egada</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Where people land when their ticket names no airport; new arrivals start with it. Add airports under Places.</source>
        <translation>Dónde aterrizan las personas cuando su boleto no indica aeropuerto; las nuevas llegadas lo usan de entrada. Agregue aeropuertos en Lugares y salas.</translation>
    </message>
    <message>
        <source>Budget rules (rates: Budget page)</source>
        <translation>Reglas del presupuesto (tarifas: página Presupuesto)</translation>
    </message>
    <message>
        <source>Per diem &amp;rate</source>
        <translation>Tarifa de &amp;viáticos</translation>
    </message>
    <message>
        <source>Co&amp;mpleted with</source>
        <translation>Re&amp;quisito de finalización</translation>
    </message>
    <message>
        <source>Certificate num&amp;bers</source>
        <translation>&amp;Números de certificado</translation>
    </message>
    <message>
        <source>(none chosen)</source>
        <translation>(ninguna elegida)</translation>
    </message>
    <message>
        <source>Cou&amp;ntry</source>
        <translation>P&amp;aís</translation>
    </message>
    <message>
        <source>Not&amp;es</source>
        <translation>Nota&amp;s</translation>
    </message>
    <message>
        <source>&amp;Indirect support</source>
        <translation>Apoyo &amp;indirecto</translation>
    </message>
    <message>
        <source>Last da&amp;y paid at</source>
        <translation>Último día pa&amp;gado al</translation>
    </message>
    <message>
        <source>Lod&amp;ging provided</source>
        <translation>Alo&amp;jamiento proporcionado</translation>
    </message>
    <message>
        <source>Brea&amp;kfast provided</source>
        <translation>Desa&amp;yuno proporcionado</translation>
    </message>
    <message>
        <source>Lunc&amp;h provided</source>
        <translation>Alm&amp;uerzo proporcionado</translation>
    </message>
    <message>
        <source>Dinner pro&amp;vided</source>
        <translation>Cena p&amp;roporcionada</translation>
    </message>
    <message>
        <source>Completion and certificates</source>
        <translation>Finalización y certificados</translation>
    </message>
    <message>
        <source>A trainee completes the training when present for at least this share of the hours of the training, plenary and site-visit sessions in their audience (and at every required module).</source>
        <translation>Un participante finaliza la capacitación si está presente en al menos esta parte de las horas de las sesiones de capacitación, plenarias y visitas de campo de su público (y en cada módulo obligatorio).</translation>
    </message>
    <message>
        <source>e.g. TEG-2023</source>
        <translation>p. ej., TEG-2023</translation>
    </message>
    <message>
        <source>Certificates are numbered TEG-2023-0001, TEG-2023-0002…; a number once given is kept. Empty: the city&apos;s first letters and the year.</source>
        <translation>Los certificados se numeran TEG-2023-0001, TEG-2023-0002…; un número dado se conserva. Vacío: las primeras letras de la ciudad y el año.</translation>
    </message>
    <message>
        <source>Plan details</source>
        <translation>Datos del plan</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
</context>
<context>
    <name>PlanFiles</name>
    <message>
        <source>The plan could not be opened</source>
        <translation>No se pudo abrir el plan</translation>
    </message>
    <message>
        <source>The plan was upgraded to this version&apos;s format; a backup copy is at %s</source>
        <translation>El plan se actualizó al formato de esta versión; hay una copia de seguridad en %s</translation>
    </message>
    <message>
        <source>Save the demo plan as</source>
        <translation>Guardar el plan de demostración como</translation>
    </message>
    <message>
        <source>Plans (*.dplan)</source>
        <translation>Planes (*.dplan)</translation>
    </message>
    <message>
        <source>Open a plan</source>
        <translation>Abrir un plan</translation>
    </message>
    <message>
        <source>Plans (*.dplan);;All files (*)</source>
        <translation>Planes (*.dplan);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>&amp;Clear Recent</source>
        <translation>&amp;Borrar recientes</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Open a shared plan</source>
        <translation>Abrir un plan compartido</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>A shared plan is kept on a PostgreSQL server: everyone who opens it edits the same plan, and sees the others&apos; changes within seconds.</source>
        <translation>Un plan compartido se guarda en un servidor PostgreSQL: todas las personas que lo abren editan el mismo plan y ven los cambios de las demás en segundos.</translation>
    </message>
    <message>
        <source>Publish to a server</source>
        <translation>Publicar en un servidor</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publicar</translation>
    </message>
    <message>
        <source>The plan is copied whole (people, agenda, budget and history) to an empty database, which the server&apos;s administrator creates. Then the team opens it with File ▸ Open Shared Plan. This file stays as it is.</source>
        <translation>El plan se copia entero (personas, agenda, presupuesto e historial) a una base de datos vacía, que crea el administrador del servidor. Luego el equipo lo abre con Archivo ▸ Abrir plan compartido. Este archivo queda como está.</translation>
    </message>
    <message>
        <source>Publishing the plan…</source>
        <translation>Publicando el plan…</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publicado</translation>
    </message>
    <message>
        <source>The plan is on the server (%1 rows). Open the shared plan now? From then on your changes go to the server.</source>
        <translation>El plan está en el servidor (%1 filas). ¿Abrir ahora el plan compartido? Desde entonces sus cambios van al servidor.</translation>
    </message>
    <message>
        <source>Save a copy of the plan</source>
        <translation>Guardar una copia del plan</translation>
    </message>
    <message>
        <source>%s without personal data.dplan</source>
        <translation>%s sin datos personales.dplan</translation>
    </message>
    <message>
        <source>Save a copy without personal data</source>
        <translation>Guardar una copia sin datos personales</translation>
    </message>
    <message>
        <source>The copy was not written</source>
        <translation>No se escribió la copia</translation>
    </message>
    <message>
        <source>Copy without identity numbers, birth dates and phone numbers saved to %s. You are still working in %s.</source>
        <translation>Copia sin números de identidad, fechas de nacimiento ni números de teléfono guardada en %s. Sigue trabajando en %s.</translation>
    </message>
    <message>
        <source>Copy saved to %s. You are still working in %s.</source>
        <translation>Se guardó la copia en %s. Usted sigue trabajando en %s.</translation>
    </message>
    <message>
        <source>Copy made</source>
        <translation>Copia creada</translation>
    </message>
    <message>
        <source>The copy is saved as %s. Open it now? (This plan closes; it is saved.)</source>
        <translation>La copia se guardó como %s. ¿Desea abrirla ahora? (Este plan se cerrará; ya está guardado).</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>As the system (%s)</source>
        <translation>Igual que el sistema (%s)</translation>
    </message>
    <message>
        <source>Whose way of writing dates, times and numbers the window follows</source>
        <translation>La forma de escribir fechas, horas y números que sigue la ventana</translation>
    </message>
    <message>
        <source>As the region</source>
        <translation>Como la región</translation>
    </message>
    <message>
        <source>ISO: 2023-11-25</source>
        <translation>ISO: 2023-11-25</translation>
    </message>
    <message>
        <source>Day first: 25/11/2023</source>
        <translation>Día primero: 25/11/2023</translation>
    </message>
    <message>
        <source>Month first: 11/25/2023</source>
        <translation>Mes primero: 11/25/2023</translation>
    </message>
    <message>
        <source>24-hour: 14:45</source>
        <translation>24 horas: 14:45</translation>
    </message>
    <message>
        <source>12-hour: 2:45 PM</source>
        <translation>12 horas: 2:45 p. m.</translation>
    </message>
    <message>
        <source>&amp;Reopen the last plan on start</source>
        <translation>&amp;Reabrir el último plan al iniciar</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Hide identity numbers, birth dates and phone numbers in lists</source>
        <translation>&amp;Ocultar en las listas los números de identidad, las fechas de nacimiento y los números de teléfono</translation>
    </message>
    <message>
        <source>Leave them &amp;out of every export (workbooks, PDFs, calendars)</source>
        <translation>&amp;No incluirlos en ninguna exportación (libros, PDF, calendarios)</translation>
    </message>
    <message>
        <source>Language and formats</source>
        <translation>Idioma y formatos</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Re&amp;gion</source>
        <translation>Re&amp;gión</translation>
    </message>
    <message>
        <source>&amp;Dates</source>
        <translation>&amp;Fechas</translation>
    </message>
    <message>
        <source>&amp;Times</source>
        <translation>&amp;Horas</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Planes</translation>
    </message>
    <message>
        <source>Look for changes made &amp;elsewhere every</source>
        <translation>Buscar cambios hechos en otro &amp;lugar cada</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Datos personales</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Reino Unido</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>Estados Unidos</translation>
    </message>
    <message>
        <source>Usual for the language (%1)</source>
        <translation>La habitual del idioma (%1)</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
</context>
<context>
    <name>ProblemsDock</name>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source> — accepted: %s</source>
        <translation> — aceptado: %s</translation>
    </message>
    <message>
        <source>Show &amp;accepted</source>
        <translation>&amp;Mostrar aceptados</translation>
    </message>
    <message>
        <source>A&amp;ccept…</source>
        <translation>A&amp;ceptar…</translation>
    </message>
    <message>
        <source>Accept the selected problem with a note, so it stops counting</source>
        <translation>Aceptar el problema seleccionado con una nota, para que deje de contar</translation>
    </message>
    <message>
        <source>Take &amp;back</source>
        <translation>Re&amp;tirar aceptación</translation>
    </message>
    <message>
        <source>Count the selected accepted problem again</source>
        <translation>Volver a contar el problema aceptado seleccionado</translation>
    </message>
    <message>
        <source>Checking the plan…</source>
        <translation>Revisando el plan…</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Aceptado</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Double-click a problem to see it on the calendar or open what it is about.</source>
        <translation>Haga doble clic en un problema para verlo en el calendario o abrir el elemento al que se refiere.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errores</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems: no double bookings, no room or vehicle too small, everyone can get where they are due and has a bed.</source>
        <translation>Sin problemas: nadie con dos compromisos a la vez, ninguna sala ni vehículo demasiado pequeño, todos llegan a tiempo y tienen cama.</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n advertencia</numerusform>
            <numerusform>%n advertencias</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accepted</source>
        <translation>
            <numerusform>%n aceptado</numerusform>
            <numerusform>%n aceptados</numerusform>
        </translation>
    </message>
    <message>
        <source>Accept a problem</source>
        <translation>Aceptar un problema</translation>
    </message>
    <message>
        <source>Why is this acceptable? The note is kept in the plan.

%s</source>
        <translation>¿Por qué es aceptable? La nota se guarda en el plan.

%s</translation>
    </message>
</context>
<context>
    <name>QuestionsDialog</name>
    <message>
        <source>Satisfaction questionnaire</source>
        <translation>Encuesta de satisfacción</translation>
    </message>
    <message>
        <source>Add the &amp;default questionnaire</source>
        <translation>Agregar la encuesta &amp;predeterminada</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Agregar…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>RatesTab</name>
    <message>
        <source>Location</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Daily rate</source>
        <translation>Tarifa diaria</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Lodging share</source>
        <translation>Porcentaje de alojamiento</translation>
    </message>
    <message>
        <source>Per cent of the daily rate that is for lodging</source>
        <translation>Porcentaje de la tarifa diaria que corresponde al alojamiento</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Vigente desde</translation>
    </message>
    <message>
        <source>Plan&apos;s</source>
        <translation>Del plan</translation>
    </message>
    <message>
        <source>The plan&apos;s per diem uses this rate (choose it under The plan&apos;s budget rules)</source>
        <translation>Los viáticos del plan usan esta tarifa (se elige en Reglas del presupuesto del plan)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Units for one %1</source>
        <translation>Unidades por cada %1</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Per head</source>
        <translation>Por persona</translation>
    </message>
    <message>
        <source>Per diem rates</source>
        <translation>Tarifas de viáticos</translation>
    </message>
    <message>
        <source>Exchange rates</source>
        <translation>Tipos de cambio</translation>
    </message>
    <message>
        <source>Catering rates</source>
        <translation>Tarifas de alimentación</translation>
    </message>
    <message>
        <source>Double-click a number or a name (or press F2) to change it in place; Edit… opens the whole form. Every change can be undone.</source>
        <translation>Haga doble clic en un número o un nombre (o pulse F2) para cambiarlo ahí mismo; Editar… abre el formulario completo. Todo cambio se puede deshacer.</translation>
    </message>
    <message>
        <source>the plan&apos;s</source>
        <translation>el del plan</translation>
    </message>
</context>
<context>
    <name>RepeatDialog</name>
    <message>
        <source>Repeat on days</source>
        <translation>Repetir en otros días</translation>
    </message>
    <message>
        <source>Copy the selected sessions, at the same times and in the same rooms, to these days:</source>
        <translation>Copiar las sesiones seleccionadas, a la misma hora y en las mismas salas, a estos días:</translation>
    </message>
    <message>
        <source>The sessions are already on this day</source>
        <translation>Las sesiones ya están en este día</translation>
    </message>
    <message>
        <source>All &amp;weekdays</source>
        <translation>Todos los días &amp;hábiles</translation>
    </message>
</context>
<context>
    <name>ResultsDialog</name>
    <message>
        <source>Test results</source>
        <translation>Notas de las pruebas</translation>
    </message>
    <message>
        <source>&amp;Add a pre-test and a post-test (out of 20)</source>
        <translation>&amp;Agregar una prueba inicial y una final (sobre 20)</translation>
    </message>
    <message>
        <source>Add a &amp;Test…</source>
        <translation>Agregar una &amp;prueba…</translation>
    </message>
    <message>
        <source>A pre-test or post-test of a module; double-click a heading to edit its test</source>
        <translation>Una prueba inicial o final de un módulo; doble clic en un encabezado para editar su prueba</translation>
    </message>
    <message>
        <source>&amp;Questionnaire…</source>
        <translation>&amp;Encuesta…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Type each trainee&apos;s score; Save records them (Ctrl+S).</source>
        <translation>Escriba la nota de cada participante; Guardar las registra (Ctrl+S).</translation>
    </message>
    <message>
        <source>The plan has no test yet.</source>
        <translation>El plan todavía no tiene pruebas.</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Participante</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a score from 0 to %2</source>
        <translation>&apos;%1&apos; no es una nota de 0 a %2</translation>
    </message>
    <message>
        <source>Correct the red cells first.</source>
        <translation>Corrija primero las celdas en rojo.</translation>
    </message>
    <message numerus="yes">
        <source>Record %n score(s)</source>
        <translation>
            <numerusform>Registrar %n nota</numerusform>
            <numerusform>Registrar %n notas</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to save: these scores are recorded already.</source>
        <translation>Nada que guardar: estas notas ya están registradas.</translation>
    </message>
    <message>
        <source>Add a pre-test and a post-test</source>
        <translation>Agregar una prueba inicial y una final</translation>
    </message>
    <message>
        <source>Pre-test</source>
        <translation>Prueba inicial</translation>
    </message>
    <message>
        <source>Post-test</source>
        <translation>Prueba final</translation>
    </message>
</context>
<context>
    <name>RotationDialog</name>
    <message>
        <source>Generate a rotation</source>
        <translation>Generar una rotación</translation>
    </message>
    <message>
        <source>Coffee break</source>
        <translation>Refrigerio</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>Almuerzo</translation>
    </message>
    <message>
        <source>Filter groups…</source>
        <translation>Filtrar grupos…</translation>
    </message>
    <message>
        <source>Filter modules…</source>
        <translation>Filtrar módulos…</translation>
    </message>
    <message>
        <source>%s seats</source>
        <translation>%s asientos</translation>
    </message>
    <message>
        <source>Filter rooms…</source>
        <translation>Filtrar salas…</translation>
    </message>
    <message>
        <source>Filter days…</source>
        <translation>Filtrar días…</translation>
    </message>
    <message>
        <source>What to schedule</source>
        <translation>Qué planificar</translation>
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation>&amp;Grupos</translation>
    </message>
    <message>
        <source>&amp;Modules</source>
        <translation>&amp;Módulos</translation>
    </message>
    <message>
        <source>&amp;Rooms</source>
        <translation>&amp;Salas</translation>
    </message>
    <message>
        <source>&amp;Days</source>
        <translation>&amp;Días</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Replace the module sessions these groups already have on these days</source>
        <translation>Reemplazar las sesiones de módulo que estos grupos ya tienen en estos días</translation>
    </message>
    <message>
        <source>The teaching day</source>
        <translation>La jornada de capacitación</translation>
    </message>
    <message>
        <source>Teaching slots (a module takes as many slots in a row as its duration needs):</source>
        <translation>Franjas de capacitación (un módulo ocupa tantas franjas seguidas como requiera su duración):</translation>
    </message>
    <message>
        <source>Fixed breaks and lunch, added for the groups where missing:</source>
        <translation>Recesos y almuerzo fijos, que se agregan a los grupos que no los tengan:</translation>
    </message>
    <message>
        <source>&amp;Propose a timetable</source>
        <translation>&amp;Proponer un horario</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Aceptar</translation>
    </message>
    <message>
        <source>Add the proposed sessions (one step: Edit ▸ Undo takes it all back)</source>
        <translation>Agregar las sesiones propuestas (en un solo paso: Editar ▸ Deshacer lo revierte todo)</translation>
    </message>
    <message>
        <source>Add a row</source>
        <translation>Agregar una fila</translation>
    </message>
    <message>
        <source>Remove the row</source>
        <translation>Quitar la fila</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Receso</translation>
    </message>
    <message>
        <source>No timetable is possible as asked:</source>
        <translation>No es posible ningún horario con lo solicitado:</translation>
    </message>
    <message>
        <source>A clash-free timetable: %1 modules in %2 sessions, found in %3 s.</source>
        <translation>Un horario sin conflictos: %1 módulos en %2 sesiones, encontrado en %3 s.</translation>
    </message>
    <message numerus="yes">
        <source>It replaces %n session(s) already planned.</source>
        <translation>
            <numerusform>Reemplaza %n sesión ya planificada.</numerusform>
            <numerusform>Reemplaza %n sesiones ya planificadas.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RulesBox</name>
    <message>
        <source>The plan&apos;s budget rules</source>
        <translation>Reglas del presupuesto del plan</translation>
    </message>
    <message>
        <source>&amp;Indirect support</source>
        <translation>Apoyo &amp;indirecto</translation>
    </message>
    <message>
        <source>Added to the budget as a share of all the other lines.</source>
        <translation>Se suma al presupuesto como porcentaje de todas las demás líneas.</translation>
    </message>
    <message>
        <source>Last da&amp;y paid at</source>
        <translation>Último &amp;día pagado al</translation>
    </message>
    <message>
        <source>The day of departure is paid at this share of the daily rate.</source>
        <translation>El día de salida se paga con este porcentaje de la tarifa diaria.</translation>
    </message>
    <message>
        <source>L&amp;odging provided</source>
        <translation>Alo&amp;jamiento proporcionado</translation>
    </message>
    <message>
        <source>Taken off the per diem for each night the plan pays a hotel, unless the per diem rate has its own lodging share.</source>
        <translation>Se descuenta de los viáticos por cada noche de hotel que paga el plan, salvo que la tarifa de viáticos tenga su propio porcentaje de alojamiento.</translation>
    </message>
    <message>
        <source>Brea&amp;kfast provided</source>
        <translation>Desa&amp;yuno proporcionado</translation>
    </message>
    <message>
        <source>Taken off for each breakfast the plan serves (a meal session or the hotel&apos;s).</source>
        <translation>Se descuenta por cada desayuno que ofrece el plan (una sesión de comida o el del hotel).</translation>
    </message>
    <message>
        <source>Lu&amp;nch provided</source>
        <translation>Alm&amp;uerzo proporcionado</translation>
    </message>
    <message>
        <source>Taken off for each lunch the plan serves.</source>
        <translation>Se descuenta por cada almuerzo que ofrece el plan.</translation>
    </message>
    <message>
        <source>Dinner pro&amp;vided</source>
        <translation>Cena p&amp;roporcionada</translation>
    </message>
    <message>
        <source>Taken off for each dinner the plan serves.</source>
        <translation>Se descuenta por cada cena que ofrece el plan.</translation>
    </message>
    <message>
        <source>Per diem ra&amp;te</source>
        <translation>Tarifa de &amp;viáticos</translation>
    </message>
    <message>
        <source>Per diem deductions, as a share of the daily rate:</source>
        <translation>Descuentos de viáticos, como porcentaje de la tarifa diaria:</translation>
    </message>
    <message>
        <source>(none chosen)</source>
        <translation>(ninguna elegida)</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Journey</source>
        <translation>Recorrido</translation>
    </message>
    <message>
        <source>Delegation: %1</source>
        <translation>Delegación: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Times are local: flights as on the ticket, everything else in the plan&apos;s time zone. Double-click a line to edit it.</source>
        <translation>Las horas son locales: los vuelos, como figuran en el boleto; todo lo demás, en la zona horaria del plan. Haga doble clic en una línea para editarla.</translation>
    </message>
    <message>
        <source>&amp;Whose journey</source>
        <translation>&amp;Recorrido de</translation>
    </message>
    <message>
        <source>Flight in</source>
        <translation>Vuelo de llegada</translation>
    </message>
    <message>
        <source>Flight out</source>
        <translation>Vuelo de salida</translation>
    </message>
    <message>
        <source>Ride</source>
        <translation>Traslado</translation>
    </message>
    <message>
        <source>Hotel</source>
        <translation>Hotel</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Nothing planned for them yet.</source>
        <translation>Aún no hay nada planificado.</translation>
    </message>
</context>
<context>
    <name>SearchCombo</name>
    <message>
        <source>“%1” matches several: choose one from the list.</source>
        <translation>«%1» coincide con varios: elija uno de la lista.</translation>
    </message>
    <message>
        <source>“%1” is not in the list: type part of a name and choose it.</source>
        <translation>«%1» no está en la lista: escriba parte de un nombre y elíjalo.</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <source>What to import</source>
        <translation>Qué importar</translation>
    </message>
    <message>
        <source>Rosters and agendas from Excel (.xlsx, .xls), LibreOffice (.ods) or CSV files, in Spanish or English.</source>
        <translation>Listas de participantes y agendas de Excel (.xlsx, .xls), LibreOffice (.ods) o archivos CSV, en español o inglés.</translation>
    </message>
    <message>
        <source>&amp;People (a roster or list of participants)</source>
        <translation>&amp;Personas (una lista de participantes)</translation>
    </message>
    <message>
        <source>A&amp;genda (one row per session)</source>
        <translation>A&amp;genda (una fila por sesión)</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Elija un archivo…</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Hoja</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>A&amp;rchivo</translation>
    </message>
    <message>
        <source>&amp;Sheet</source>
        <translation>&amp;Hoja</translation>
    </message>
    <message>
        <source>Put them in the &amp;delegation</source>
        <translation>Ponerlas en la &amp;delegación</translation>
    </message>
    <message>
        <source>Type a new name to create the delegation.</source>
        <translation>Escriba un nombre nuevo para crear la delegación.</translation>
    </message>
    <message>
        <source>Their &amp;organisation</source>
        <translation>Su &amp;organización</translation>
    </message>
    <message>
        <source>Used where the file gives none; a new name is created.</source>
        <translation>Se usa cuando el archivo no indica ninguna; un nombre nuevo se crea.</translation>
    </message>
    <message>
        <source>And in the gro&amp;up</source>
        <translation>Y en el gr&amp;upo</translation>
    </message>
    <message>
        <source>Optional; a new name creates the group.</source>
        <translation>Opcional; un nombre nuevo crea el grupo.</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>Importar desde</translation>
    </message>
    <message>
        <source>Spreadsheets and CSV (*.xlsx *.xls *.ods *.csv);;All files (*)</source>
        <translation>Hojas de cálculo y CSV (*.xlsx *.xls *.ods *.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Reading stopped. Press Next to read the file again.</source>
        <translation>Lectura detenida. Pulse Siguiente para volver a leer el archivo.</translation>
    </message>
    <message>
        <source>Reading %s…</source>
        <translation>Leyendo %s…</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Split into groups</source>
        <translation>Dividir en grupos</translation>
    </message>
    <message>
        <source>Delegation: %1 (%2 people)</source>
        <translation>Delegación: %1 (%2 personas)</translation>
    </message>
    <message>
        <source>Organisation: %1 (%2 people)</source>
        <translation>Organización: %1 (%2 personas)</translation>
    </message>
    <message>
        <source>Spread people of the same &amp;duty station across the groups</source>
        <translation>Repartir entre los grupos a las personas del mismo &amp;lugar de trabajo</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>The groups are called “Group A”, “Group B”… (letters already taken are skipped).</source>
        <translation>Los grupos se llaman «Grupo A», «Grupo B»… (se saltan las letras ya usadas).</translation>
    </message>
    <message>
        <source>Split the &amp;people of</source>
        <translation>Dividir las &amp;personas de</translation>
    </message>
    <message>
        <source>&amp;Into</source>
        <translation>&amp;En</translation>
    </message>
    <message>
        <source>Group &amp;names start with</source>
        <translation>Los &amp;nombres de grupo empiezan por</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quiénes</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Integrantes</translation>
    </message>
    <message>
        <source>&amp;Create Groups</source>
        <translation>&amp;Crear grupos</translation>
    </message>
    <message>
        <source>The groups it will create (sizes differ by at most one; women are shared out evenly):</source>
        <translation>Los grupos que se crearán (los tamaños difieren como mucho en uno; las mujeres se reparten por igual):</translation>
    </message>
    <message>
        <source>There is nobody to split yet: import or add people first.</source>
        <translation>Aún no hay nadie que dividir: primero importe o añada personas.</translation>
    </message>
    <message>
        <source>Nothing changes until you press Create Groups; Edit ▸ Undo takes the groups back.</source>
        <translation>Nada cambia hasta que pulse Crear grupos; Editar ▸ Deshacer elimina los grupos.</translation>
    </message>
    <message numerus="yes">
        <source>Split into %n group(s)</source>
        <translation>
            <numerusform>Dividir en %n grupo</numerusform>
            <numerusform>Dividir en %n grupos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SubstituteDialog</name>
    <message>
        <source>Replace %1</source>
        <translation>Reemplazar a %1</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(elegir)</translation>
    </message>
    <message>
        <source>Who comes instead</source>
        <translation>Quién viene en su lugar</translation>
    </message>
    <message>
        <source>What the newcomer takes over</source>
        <translation>Lo que asume quien llega</translation>
    </message>
    <message>
        <source>From the day chosen, the newcomer takes %1&apos;s groups, sessions, rides and hotel stay; %1 keeps the attendance, nights and rides before it and stays in the plan as replaced. Tickets are personal: they stay %1&apos;s. Edit ▸ Undo takes it all back.</source>
        <translation>Desde el día elegido, quien llega asume los grupos, sesiones, traslados y la estancia en hotel de %1; %1 conserva la asistencia, las noches y los traslados anteriores y sigue en el plan como reemplazado(a). Los boletos son personales: siguen siendo de %1. Editar ▸ Deshacer lo revierte todo.</translation>
    </message>
    <message>
        <source>&amp;Who comes instead:</source>
        <translation>&amp;Quién viene en su lugar:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Reemplazar</translation>
    </message>
    <message>
        <source>What moves:</source>
        <translation>Lo que se traspasa:</translation>
    </message>
    <message>
        <source>Choose who comes instead.</source>
        <translation>Elija quién viene en su lugar.</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Delegación</translation>
    </message>
    <message>
        <source>Session (invited by name)</source>
        <translation>Sesión (invitado(a) por nombre)</translation>
    </message>
    <message>
        <source>Session (as facilitator)</source>
        <translation>Sesión (como facilitador(a))</translation>
    </message>
    <message>
        <source>Ride</source>
        <translation>Traslado</translation>
    </message>
    <message>
        <source>Hotel stay</source>
        <translation>Estancia en hotel</translation>
    </message>
    <message>
        <source>Roommate of</source>
        <translation>Compañero(a) de habitación de</translation>
    </message>
    <message>
        <source>Nothing to hand over from that day.</source>
        <translation>No hay nada que traspasar desde ese día.</translation>
    </message>
    <message>
        <source>Replace %1 with %2</source>
        <translation>Reemplazar a %1 por %2</translation>
    </message>
</context>
<context>
    <name>TimeGrid</name>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>M%1</source>
        <translation>M%1</translation>
    </message>
    <message numerus="yes">
        <source>%n more session(s) start then, too many to show side by side. Double-click to see the day by room.</source>
        <translation>
            <numerusform>%n sesión más empieza entonces; no caben lado a lado. Doble clic para ver el día por sala.</numerusform>
            <numerusform>%n sesiones más empiezan entonces; no caben lado a lado. Doble clic para ver el día por sala.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 to %3</source>
        <translation>%1, de %2 a %3</translation>
    </message>
    <message>
        <source>It has a problem: see the Problems panel (F8)</source>
        <translation>Tiene un problema: véase el panel de problemas (F8)</translation>
    </message>
    <message numerus="yes">
        <source>%n sessions chosen</source>
        <translation>
            <numerusform>%n sesión elegida</numerusform>
            <numerusform>%n sesiones elegidas</numerusform>
        </translation>
    </message>
    <message>
        <source>No session chosen. Tab goes from session to session; the arrows move the chosen one, Shift with the arrows changes its length, Enter edits it.</source>
        <translation>Ninguna sesión elegida. Tab pasa de una sesión a otra; las flechas mueven la elegida, Mayús con las flechas cambia su duración, Intro la edita.</translation>
    </message>
</context>
<context>
    <name>Tools</name>
    <message>
        <source>Find Duplicates…</source>
        <translation>Buscar duplicados…</translation>
    </message>
    <message>
        <source>Find people entered more than once and merge them</source>
        <translation>Buscar personas registradas más de una vez y fusionarlas</translation>
    </message>
    <message>
        <source>Merge Selected People…</source>
        <translation>Fusionar personas seleccionadas…</translation>
    </message>
    <message>
        <source>Merge the selected people into one</source>
        <translation>Fusionar las personas seleccionadas en una sola</translation>
    </message>
    <message>
        <source>Replace With…</source>
        <translation>Reemplazar por…</translation>
    </message>
    <message>
        <source>Put someone else in the selected person&apos;s place from a day on: groups, sessions, rides and hotel stay</source>
        <translation>Poner a otra persona en lugar de la seleccionada desde un día: grupos, sesiones, traslados y estancia en hotel</translation>
    </message>
    <message>
        <source>Duty of Care…</source>
        <translation>Deber de cuidado…</translation>
    </message>
    <message>
        <source>Whom to call in an emergency, insurance, travel document, visa and travel security clearance of the selected person</source>
        <translation>A quién llamar en una emergencia, seguro, documento de viaje, visa y autorización de seguridad para viajar de la persona seleccionada</translation>
    </message>
    <message>
        <source>Split into Groups…</source>
        <translation>Dividir en grupos…</translation>
    </message>
    <message>
        <source>Share the people of a delegation out into balanced groups</source>
        <translation>Repartir las personas de una delegación en grupos equilibrados</translation>
    </message>
    <message>
        <source>Arrivals and Transfers…</source>
        <translation>Llegadas y traslados…</translation>
    </message>
    <message>
        <source>Arrivals and departures by day, and the airport transfers still needed</source>
        <translation>Llegadas y salidas por día, y los traslados de aeropuerto pendientes</translation>
    </message>
    <message>
        <source>Journey…</source>
        <translation>Recorrido…</translation>
    </message>
    <message>
        <source>Everything on the selected journey: flights, transfers, hotel, sessions and stops</source>
        <translation>Todo el recorrido de la selección: vuelos, traslados, hotel, sesiones y paradas</translation>
    </message>
</context>
<context>
    <name>UnknownZoneBox</name>
    <message>
        <source>The plan&apos;s time zone is unknown here</source>
        <translation>La zona horaria del plan no se conoce aquí</translation>
    </message>
    <message>
        <source>&amp;Copy in a Known Zone…</source>
        <translation>&amp;Copiar en una zona conocida…</translation>
    </message>
    <message>
        <source>%1 (copy).dplan</source>
        <translation>%1 (copia).dplan</translation>
    </message>
    <message>
        <source>Save the copy as</source>
        <translation>Guardar la copia como</translation>
    </message>
    <message>
        <source>Plans (*.dplan)</source>
        <translation>Planes (*.dplan)</translation>
    </message>
    <message>
        <source>Copying the plan…</source>
        <translation>Copiando el plan…</translation>
    </message>
    <message>
        <source>The copy was not made</source>
        <translation>No se hizo la copia</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Plan exchange visits and trainings in one file: delegations, people, groups, rooms and the agenda.</source>
        <translation>Planifique visitas de intercambio y capacitaciones en un solo archivo: delegaciones, personas, grupos, salas y la agenda.</translation>
    </message>
    <message>
        <source>&amp;New plan…</source>
        <translation>&amp;Nuevo plan…</translation>
    </message>
    <message>
        <source>&amp;Open a plan…</source>
        <translation>A&amp;brir un plan…</translation>
    </message>
    <message>
        <source>Open a &amp;shared plan (on a server)…</source>
        <translation>Abrir un plan &amp;compartido (en un servidor)…</translation>
    </message>
    <message>
        <source>Try the &amp;demo plan (Tegucigalpa 2023)…</source>
        <translation>Probar el plan de &amp;demostración (Tegucigalpa 2023)…</translation>
    </message>
    <message>
        <source>Recent plans</source>
        <translation>Planes recientes</translation>
    </message>
    <message>
        <source>%1  —  shared, on %2</source>
        <translation>%1  —  compartido, en %2</translation>
    </message>
    <message>
        <source>%s (not found)</source>
        <translation>%s (no encontrado)</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>ZoneChoice</name>
    <message>
        <source>Copy in a Known Zone</source>
        <translation>Copiar en una zona conocida</translation>
    </message>
    <message>
        <source>The copy keeps the plan&apos;s dates and every time of day; it is planned in the zone you choose. The plan itself is not changed.
Unknown here: %1</source>
        <translation>La copia conserva las fechas del plan y cada hora del día; se planifica en la zona que usted elija. El plan mismo no se modifica.
Desconocida aquí: %1</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>&amp;Zona horaria</translation>
    </message>
</context>
</TS>
