; Delegation Planner for Windows: an installer of the one-folder bundle that tools/bundle.py
; builds in dist\delegation-planner. Per user, without administrator rights: the program goes
; to the user's own Programs folder, a Start menu entry, and .dplan files open with it.
;
;   python tools/bundle.py
;   iscc packaging\windows\delegation-planner.iss      (Inno Setup 6)
;
; Gives dist\delegation-planner-VERSION-windows-setup.exe. It is not signed: a managed laptop
; needs it signed with the organisation's certificate, or allowed by its IT.
; This script has not been run on this project's Linux machines; the Windows CI workflow
; (.github/workflows/bundle.yml) builds it.

#define AppName "Delegation Planner"
#define AppVersion GetEnv("PLANNER_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif
#define Root "..\.."

[Setup]
AppId={{6B0D6F7C-3C1E-4C55-9F3A-2F1C5E7A9D41}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Delegation Planner team
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; per user, no administrator rights ({autopf} is then the user's own Programs folder)
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir={#Root}\dist
OutputBaseFilename=delegation-planner-{#AppVersion}-windows-setup
SetupIconFile={#Root}\build\bundle\assets\app.ico
UninstallDisplayIcon={app}\delegation-planner.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"

[CustomMessages]
en.PlanType=Delegation plan
es.PlanType=Plan de delegación
en.CommandLine=Delegation Planner (command line)
es.CommandLine=Delegation Planner (línea de comandos)

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\delegation-planner\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\delegation-planner.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\delegation-planner.exe"; Tasks: desktopicon

[Registry]
; .dplan files open with the program (HKA: the user's own classes in a per-user install)
Root: HKA; Subkey: "Software\Classes\.dplan"; ValueType: string; ValueName: ""; ValueData: "DelegationPlanner.Plan"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.dplan\OpenWithProgids"; ValueType: string; ValueName: "DelegationPlanner.Plan"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\DelegationPlanner.Plan"; ValueType: string; ValueName: ""; ValueData: "{cm:PlanType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\DelegationPlanner.Plan\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\delegation-planner.exe,0"
Root: HKA; Subkey: "Software\Classes\DelegationPlanner.Plan\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\delegation-planner.exe"" ""%1"""

[Run]
Filename: "{app}\delegation-planner.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
