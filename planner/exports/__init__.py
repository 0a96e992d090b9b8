"""Workbooks and files made from a plan (pure functions: plan -> file).

``catalog`` lists every kind (its writer, filters, split) for the command line and the Export
dialog; ``common`` holds the options, the plan read once for an export (``PlanData``, a
snapshot of :mod:`planner.queries.snapshot`) and the title lines; ``sheet`` and ``xlsx`` build
and stream workbooks; ``destination`` says where an export may write. One module per paper:
``schedule`` (grid, agendas by day), ``agenda_list``, ``itineraries``, ``attendance`` (sign-in
sheets, attendance summary), ``participants`` (participant and rooming lists), ``catering``,
``travel`` (manifests, clearance list), ``budget`` (budget workbook, per diem sheet),
``calendar`` (.ics), ``changes`` (what changed since the last export), ``history``, and
``pdf/`` (certificates, badges, booklets).
"""
