# The Windows installer on a real Windows machine or CI runner (e.g. GitHub Actions windows-latest):
# the same PyInstaller spec and NSIS script as packaging/build-windows.sh (which does it on Linux under wine).
# Needs Python 3.11 (x64) on PATH as `py -3.11` or `python`, and NSIS (makensis; `choco install nsis` on a
# runner). Run from the project root:  powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1
# Output: dist\InovasiDesktop-<versi>-setup.exe
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

$python = if (Get-Command py -ErrorAction SilentlyContinue) { @("py", "-3.11") } else { @("python") }
function Invoke-Checked([string[]]$command) {
    & $command[0] $command[1..($command.Length - 1)]
    if ($LASTEXITCODE -ne 0) { throw "failed ($LASTEXITCODE): $($command -join ' ')" }
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
Invoke-Checked @($makensis, "/V2", "/DVERSION=$version", "/DSOURCE=..\dist\windows\InovasiDesktop",
                 "/DOUTFILE=..\dist\InovasiDesktop-$version-setup.exe", "packaging\installer.nsi")

# The same checks as the wine test, minus the window: the console program runs and exports a dossier.
$cli = "dist\windows\InovasiDesktop\inovasi-desktop.exe"
$env:INOVASI_HOME = Join-Path $env:TEMP "inovasi-build-check"
Invoke-Checked @($cli, "catalogs")
Invoke-Checked @($cli, "import-json", "examples\contoh-inovasi.json")
Get-Item "dist\InovasiDesktop-$version-setup.exe" | Format-List Name, Length
