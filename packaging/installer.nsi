; Inovasi Desktop installer (NSIS 3): per user, no administrator rights needed.
; Built by packaging/build-windows.sh (Linux, makensis) or packaging/build-windows.ps1 (Windows runner):
;   makensis -DVERSION=0.1.0 -DSOURCE=<PyInstaller folder> -DOUTFILE=<setup.exe> installer.nsi
; Installs into %LOCALAPPDATA%\Programs\InovasiDesktop; Start menu and desktop shortcuts; bundles (*.inovasi)
; open with the app ('Terima kiriman'); "Open with" for PDF dossiers (the user's own PDF reader stays the
; default). The uninstaller removes the program only: the user's data folder (%LOCALAPPDATA%\InovasiDesktop: database, evidence, backups) is left alone.
!ifndef TARGET
  ; 64-bit, as the app: runs where wine has no 32-bit support (Debian's nsis has these stubs). NSIS's own
  ; Windows release has only the x86 ones: build-windows.ps1 passes -DTARGET=x86-unicode (a 32-bit installer,
  ; the usual kind; it installs per user, so nothing is redirected).
  !define TARGET amd64-unicode
!endif
Target ${TARGET}
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "VERSION is not defined (makensis -DVERSION=...)"
!endif
!define APP "Inovasi Desktop"
!define PUBLISHER "Inovasi Desktop"
!define EXE "InovasiDesktop.exe"
!define PROGID "InovasiDesktop.PDF"
!define BUNDLE_PROGID "InovasiDesktop.Bundle"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\InovasiDesktop"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\InovasiDesktop"
InstallDirRegKey HKCU "Software\InovasiDesktop" "InstallDir"
Icon "aplikasi.ico"
UninstallIcon "aplikasi.ico"
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "Pemasang ${APP}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!define MUI_ICON "aplikasi.ico"
!define MUI_UNICON "aplikasi.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Indonesian"

Section "Inovasi Desktop"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  RMDir /r "$INSTDIR\_internal"  ; an update replaces the program's own files only
  File /r "${SOURCE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
  CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  ; "Open with" Inovasi Desktop for PDF dossiers, for this user only
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "Berkas PDF (Inovasi Desktop)"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  WriteRegStr HKCU "Software\Classes\.pdf\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}\SupportedTypes" ".pdf" ""
  ; .inovasi bundles, the app's own files: opened with it by default (a second file goes to the open window)
  WriteRegStr HKCU "Software\Classes\${BUNDLE_PROGID}" "" "Kiriman Inovasi Desktop"
  WriteRegStr HKCU "Software\Classes\${BUNDLE_PROGID}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "Software\Classes\${BUNDLE_PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  WriteRegStr HKCU "Software\Classes\.inovasi" "" "${BUNDLE_PROGID}"
  WriteRegStr HKCU "Software\Classes\.inovasi\OpenWithProgids" "${BUNDLE_PROGID}" ""
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}\SupportedTypes" ".inovasi" ""

  WriteRegStr HKCU "Software\InovasiDesktop" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; Explorer picks up the icons
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  ; the program's own files only: never the data folder, nor anything else the user put here
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\inovasi-desktop.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$DESKTOP\${APP}.lnk"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegValue HKCU "Software\Classes\.pdf\OpenWithProgids" "${PROGID}"
  DeleteRegKey HKCU "Software\Classes\Applications\${EXE}"
  DeleteRegKey HKCU "Software\Classes\${BUNDLE_PROGID}"
  DeleteRegValue HKCU "Software\Classes\.inovasi\OpenWithProgids" "${BUNDLE_PROGID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\.inovasi\OpenWithProgids"
  ReadRegStr $0 HKCU "Software\Classes\.inovasi" ""
  StrCmp $0 "${BUNDLE_PROGID}" 0 +2
    DeleteRegValue HKCU "Software\Classes\.inovasi" ""
  DeleteRegKey /ifempty HKCU "Software\Classes\.inovasi"
  DeleteRegKey HKCU "Software\InovasiDesktop"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
