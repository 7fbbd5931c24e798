# Dot-sourced (after common.ps1, whose $RepositoryRoot and $ContosoSnapshot it uses) by the tests that
# run against the ARM emulator (tests/AmlRbac.ArmEmulator, built by `dotnet test`).

function Start-ArmEmulator {
    # Starts the emulator as a process serving the sample snapshot and waits until it listens. It binds
    # port 0, so the system gives it a free port (a port picked here could be taken before the emulator
    # binds it: another test run on the machine). Returns the process (to stop in AfterAll) and the URL it
    # serves ARM and Graph on, read from its first line; its output goes to files in $LogFolder.
    param([Parameter(Mandatory)] [string] $LogFolder)

    $emulatorDll = Get-ChildItem -Path (Join-Path $RepositoryRoot 'tests/AmlRbac.ArmEmulator/bin') -Recurse -Filter 'AmlRbac.ArmEmulator.dll' |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1
    if (-not $emulatorDll) {
        throw 'The ARM emulator is not built: run dotnet test (or dotnet build tests/AmlRbac.ArmEmulator) first.'
    }
    $output = Join-Path $LogFolder 'emulator.out'
    $errors = Join-Path $LogFolder 'emulator.err'
    # Start-Process joins its arguments with spaces as they are: a path with a space needs its own quotes.
    $process = Start-Process -FilePath dotnet -ArgumentList "`"$($emulatorDll.FullName)`"", "`"$ContosoSnapshot`"", 0 -PassThru `
        -RedirectStandardOutput $output -RedirectStandardError $errors
    $deadline = (Get-Date).AddSeconds(30)
    while ((Get-Date) -lt $deadline -and -not $process.HasExited -and
        -not ((Test-Path -LiteralPath $output) -and (Select-String -LiteralPath $output -Pattern 'ARM:' -Quiet))) {
        Start-Sleep -Milliseconds 200
    }
    if (-not (Select-String -LiteralPath $output -Pattern 'ARM:' -Quiet -ErrorAction SilentlyContinue)) {
        # Without this every test of the file would fail on a connection error that hides the cause.
        Stop-Process -Id $process.Id -ErrorAction SilentlyContinue
        throw "The ARM emulator did not start within 30 s: $(Get-Content -LiteralPath $errors -Raw -ErrorAction SilentlyContinue)"
    }
    $url = (Select-String -LiteralPath $output -Pattern '^ARM:\s+(\S+)').Matches[0].Groups[1].Value
    [pscustomobject]@{ Process = $process; Url = $url }
}

function Add-GetAzAccessTokenStandIn {
    # Mock needs a command to replace: where Az.Accounts is not installed, a stand-in with its parameters
    # (global, so the cmdlets' own lookup finds the mock too).
    if (-not (Get-Command -Name Get-AzAccessToken -ErrorAction SilentlyContinue)) {
        function global:Get-AzAccessToken {
            param([string] $ResourceUrl, [string] $ResourceTypeName, [switch] $AsSecureString)
            throw 'Az.Accounts is not installed.'
        }
    }
}
