<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ArrivalsDialog</name>
    <message numerus="yes">
        <source>%n transfer(s) proposed. Rides are created with these people as passengers; Edit ▸ Undo takes them back.</source>
        <translation>
            <numerusform>%n transfer proposed. Rides are created with these people as passengers; Edit ▸ Undo takes them back.</numerusform>
            <numerusform>%n transfers proposed. Rides are created with these people as passengers; Edit ▸ Undo takes them back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message numerus="yes">
        <source>%1, %2–%3 · %n person(s) registered</source>
        <translation>
            <numerusform>%1, %2–%3 · %n person registered</numerusform>
            <numerusform>%1, %2–%3 · %n people registered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not recorded yet</source>
        <translation>
            <numerusform>%n not recorded yet</numerusform>
            <numerusform>%n not recorded yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not saved</source>
        <translation>
            <numerusform>%n change not saved</numerusform>
            <numerusform>%n changes not saved</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) shown</source>
        <translation>
            <numerusform>%n session shown</numerusform>
            <numerusform>%n sessions shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n sessions?</source>
        <translation>
            <numerusform>Delete %n sessions?</numerusform>
            <numerusform>Delete %n sessions?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) copied; Ctrl+V pastes them on the day shown.</source>
        <translation>
            <numerusform>%n session copied; Ctrl+V pastes them on the day shown.</numerusform>
            <numerusform>%n sessions copied; Ctrl+V pastes them on the day shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n session(s)</source>
        <translation>
            <numerusform>Paste %n session</numerusform>
            <numerusform>Paste %n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n session(s)</source>
        <translation>
            <numerusform>Duplicate %n session</numerusform>
            <numerusform>Duplicate %n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Repeat %n session(s)</source>
        <translation>
            <numerusform>Repeat %n session</numerusform>
            <numerusform>Repeat %n sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckListField</name>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message numerus="yes">
        <source>Checking %n row(s)…</source>
        <translation>
            <numerusform>Checking %n row…</numerusform>
            <numerusform>Checking %n rows…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to update</source>
        <translation>
            <numerusform>%n to update</numerusform>
            <numerusform>%n to update</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in the plan or repeated</source>
        <translation>
            <numerusform>%n already in the plan or repeated</numerusform>
            <numerusform>%n already in the plan or repeated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with errors</source>
        <translation>
            <numerusform>%n with errors</numerusform>
            <numerusform>%n with errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with warnings</source>
        <translation>
            <numerusform>%n with warnings</numerusform>
            <numerusform>%n with warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckinDialog</name>
    <message numerus="yes">
        <source>%n scan(s) recorded at this desk</source>
        <translation>
            <numerusform>%n scan recorded at this desk</numerusform>
            <numerusform>%n scans recorded at this desk</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CopyPlanDialog</name>
    <message numerus="yes">
        <source>The copy runs %1 – %2; every session moves by %n day(s) and keeps its time of day.</source>
        <translation>
            <numerusform>The copy runs %1 – %2; every session moves by %n day and keeps its time of day.</numerusform>
            <numerusform>The copy runs %1 – %2; every session moves by %n days and keeps its time of day.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>%n file(s) written to %1</source>
        <translation>
            <numerusform>%n file written to %1</numerusform>
            <numerusform>%n files written to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message numerus="yes">
        <source>%n change(s); times in %1</source>
        <translation>
            <numerusform>%n change; times in %1</numerusform>
            <numerusform>%n changes; times in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinesTab</name>
    <message numerus="yes">
        <source>Held: %n room-night(s), %1, the block as contracted: what the hotel may bill.</source>
        <translation>
            <numerusform>Held: %n room-night, %1, the block as contracted: what the hotel may bill.</numerusform>
            <numerusform>Held: %n room-nights, %1, the block as contracted: what the hotel may bill.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Used: %n room-night(s), %1, by the stays in the block: what this line counts.</source>
        <translation>
            <numerusform>Used: %n room-night, %1, by the stays in the block: what this line counts.</numerusform>
            <numerusform>Used: %n room-nights, %1, by the stays in the block: what this line counts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Released: %n room-night(s), %1, held but not used: not in the budget, though until rooms can be released by a cut-off date the hotel may bill what it holds.</source>
        <translation>
            <numerusform>Released: %n room-night, %1, held but not used: not in the budget, though until rooms can be released by a cut-off date the hotel may bill what it holds.</numerusform>
            <numerusform>Released: %n room-nights, %1, held but not used: not in the budget, though until rooms can be released by a cut-off date the hotel may bill what it holds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Released: none. The stays use %n room-night(s) more than the block holds.</source>
        <translation>
            <numerusform>Released: none. The stays use %n room-night more than the block holds.</numerusform>
            <numerusform>Released: none. The stays use %n room-nights more than the block holds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n budget line(s)?</source>
        <translation>
            <numerusform>Delete %n budget line?</numerusform>
            <numerusform>Delete %n budget lines?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogisticsForms</name>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogisticsPages</name>
    <message numerus="yes">
        <source>%n room-night(s) used × the nightly rate: what the budget counts</source>
        <translation>
            <numerusform>%n room-night used × the nightly rate: what the budget counts</numerusform>
            <numerusform>%n room-nights used × the nightly rate: what the budget counts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n room-night(s) held (%1 rooms × %2 nights), %3: the block as contracted, what the hotel may bill</source>
        <translation>
            <numerusform>%n room-night held (%1 rooms × %2 nights), %3: the block as contracted, what the hotel may bill</numerusform>
            <numerusform>%n room-nights held (%1 rooms × %2 nights), %3: the block as contracted, what the hotel may bill</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n room-night(s) used by the stays in the block (two people sharing a room use one), %1: what the budget counts</source>
        <translation>
            <numerusform>%n room-night used by the stays in the block (two people sharing a room use one), %1: what the budget counts</numerusform>
            <numerusform>%n room-nights used by the stays in the block (two people sharing a room use one), %1: what the budget counts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>That is %n room-night(s) more than the block holds.</source>
        <translation>
            <numerusform>That is %n room-night more than the block holds.</numerusform>
            <numerusform>That is %n room-nights more than the block holds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n room-night(s) held but not used, %1: not in the budget, though until rooms can be released by a cut-off date the hotel may bill what it holds</source>
        <translation>
            <numerusform>%n room-night held but not used, %1: not in the budget, though until rooms can be released by a cut-off date the hotel may bill what it holds</numerusform>
            <numerusform>%n room-nights held but not used, %1: not in the budget, though until rooms can be released by a cut-off date the hotel may bill what it holds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message numerus="yes">
        <source>%n person(s) listed more than once.</source>
        <translation>
            <numerusform>%n person listed more than once.</numerusform>
            <numerusform>%n people listed more than once.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge the %n selected people into one.</source>
        <translation>
            <numerusform>Merge the %n selected people into one.</numerusform>
            <numerusform>Merge the %n selected people into one.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge %n person(s) into %1</source>
        <translation>
            <numerusform>Merge %n person into %1</numerusform>
            <numerusform>Merge %n people into %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n taking part; %1 more declined, were replaced or cancelled (People list, Status)</source>
        <translation>
            <numerusform>%n taking part; %1 more declined, were replaced or cancelled (People list, Status)</numerusform>
            <numerusform>%n taking part; %1 more declined, were replaced or cancelled (People list, Status)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsDock</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accepted</source>
        <translation>
            <numerusform>%n accepted</numerusform>
            <numerusform>%n accepted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsDialog</name>
    <message numerus="yes">
        <source>Record %n score(s)</source>
        <translation>
            <numerusform>Record %n score</numerusform>
            <numerusform>Record %n scores</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RotationDialog</name>
    <message numerus="yes">
        <source>It replaces %n session(s) already planned.</source>
        <translation>
            <numerusform>It replaces %n session already planned.</numerusform>
            <numerusform>It replaces %n sessions already planned.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message numerus="yes">
        <source>Split into %n group(s)</source>
        <translation>
            <numerusform>Split into %n group</numerusform>
            <numerusform>Split into %n groups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimeGrid</name>
    <message numerus="yes">
        <source>%n more session(s) start then, too many to show side by side. Double-click to see the day by room.</source>
        <translation>
            <numerusform>%n more session start then, too many to show side by side. Double-click to see the day by room.</numerusform>
            <numerusform>%n more sessions start then, too many to show side by side. Double-click to see the day by room.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sessions chosen</source>
        <translation>
            <numerusform>%n sessions chosen</numerusform>
            <numerusform>%n sessions chosen</numerusform>
        </translation>
    </message>
</context>
</TS>