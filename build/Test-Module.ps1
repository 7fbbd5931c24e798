#Requires -Version 7.4
<#
.SYNOPSIS
Runs the Pester suite against the built module; build.ps1 -Test starts it in a fresh 'pwsh -NoProfile'.

.DESCRIPTION
The suite imports output/AmlRbac/<version>/AmlRbac.psd1 itself (tests/pester/common.ps1). The process
exits 1 unless the run passed, so build.ps1 fails on any failure; results are also written as NUnit XML
for CI.
#>
[CmdletBinding()]
param(
    # The folder of the *.Tests.ps1 files.
    [Parameter(Mandatory)]
    [string] $TestPath,

    # Where to write the NUnit XML results.
    [Parameter(Mandatory)]
    [string] $ResultPath,

    # Pester.psd1 of the pinned Pester package (build.ps1 restores it from NuGet into .tools/).
    [Parameter(Mandatory)]
    [string] $PesterPath
)

$ErrorActionPreference = 'Stop'

# The suite is Pester 5 (BeforeDiscovery came with 5.1, New-PesterConfiguration with 5.2); the pinned package
# is imported by path, so an older Pester on the machine (Windows PowerShell's inbox 3.4) is never picked up.
if (-not (Test-Path -LiteralPath $PesterPath -PathType Leaf)) {
    throw "Pester is not at '$PesterPath': run ./build.ps1 -Test, which restores it from NuGet (build/tools/TestTools.csproj)."
}
Import-Module -Name $PesterPath -MinimumVersion 5.2.0

$configuration = New-PesterConfiguration
$configuration.Run.Path = $TestPath
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = $ResultPath
$run = Invoke-Pester -Configuration $configuration
# One plain line that .ci/run adds to the xunit counts.
Write-Host ('pester: {0} passed, {1} failed, {2} skipped' -f $run.PassedCount, $run.FailedCount, $run.SkippedCount)
# Not Run.Exit: it exits with the number of failures, and an exit code is taken modulo 256 on Linux and macOS.
if ($run.Result -ne 'Passed') {
    exit 1
}
