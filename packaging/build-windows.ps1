# The Windows installer on a real Windows machine or CI runner (e.g. GitHub Actions windows-latest):
# the same PyInstaller spec and NSIS script as packaging/build-windows.sh (which does it on Linux under wine).
# Needs Python 3.11 (x64) on PATH as `py -3.11` or `python`, and NSIS (makensis; `choco install nsis` on a
# runner). Run from the project root:  powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1
# Output: dist\InovasiDesktop-<versi>-setup.exe
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

function Invoke-Checked([string[]]$command) {
    $arguments = if ($command.Length -gt 1) { $command[1..($command.Length - 1)] } else { @() }
    & $command[0] @arguments
    if ($LASTEXITCODE -ne 0) { throw "failed ($LASTEXITCODE): $($command -join ' ')" }
}

# `py -3.11` when the launcher knows a 3.11, else `python` (actions/setup-python puts it first on PATH).
# [string[]]: a one-element array would otherwise become a string, and `+` would glue the arguments to it.
[string[]]$python = @("python")
if (Get-Command py -ErrorAction SilentlyContinue) {
    try { & py -3.11 -c "import sys" 2>$null; if ($LASTEXITCODE -eq 0) { $python = @("py", "-3.11") } } catch { }
}

Invoke-Checked ($python + @("-m", "venv", "build\venv-windows"))
$venv = "build\venv-windows\Scripts\python.exe"
Invoke-Checked @($venv, "-m", "pip", "install", "--quiet", ".", "pyinstaller==6.22.0",
                 "pyinstaller-hooks-contrib==2026.10")

$version = (Select-String -Path "inovasi_desktop\__init__.py" -Pattern '__version__ = "(.+)"').Matches[0].Groups[1].Value
Remove-Item -Recurse -Force -ErrorAction SilentlyContinue "dist\windows", "build\windows"
Invoke-Checked @($venv, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", "dist\windows",
                 "--workpath", "build\windows", "packaging\inovasi-desktop.spec")

$makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $makensis) { $makensis = "${env:ProgramFiles(x86)}\NSIS\makensis.exe" }
# NSIS's Windows release has no amd64 stubs: a 32-bit installer (installer.nsi, TARGET)
Invoke-Checked @($makensis, "/V2", "/DTARGET=x86-unicode", "/DVERSION=$version",
                 "/DSOURCE=..\dist\windows\InovasiDesktop", "/DOUTFILE=..\dist\InovasiDesktop-$version-setup.exe",
                 "packaging\installer.nsi")

# Part of the wine test's checks, minus installing and the window: the built console program imports the
# example with its evidence and exports the dossier, in a fresh data folder.
$cli = "dist\windows\InovasiDesktop\inovasi-desktop.exe"
$env:INOVASI_HOME = Join-Path $env:TEMP "inovasi-build-check"
Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $env:INOVASI_HOME  # a second run would find the example
Invoke-Checked @($cli, "catalogs")
$imported = & $cli import-json "examples\contoh-inovasi.json" --json | Out-String | ConvertFrom-Json
if ($LASTEXITCODE -ne 0) { throw "failed ($LASTEXITCODE): import-json" }
Invoke-Checked @($cli, "export-pdf", $imported.id, "-o", (Join-Path $env:INOVASI_HOME "berkas.pdf"))
Get-Item "dist\InovasiDesktop-$version-setup.exe" | Format-List Name, Length
