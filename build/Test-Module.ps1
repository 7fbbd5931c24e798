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
    [string] $ResultPath
)

$ErrorActionPreference = 'Stop'

# The suite is Pester 5 (BeforeDiscovery came with 5.1, New-PesterConfiguration with 5.2); Windows
# PowerShell's inbox Pester 3.4 would misread it, so say plainly what is needed instead of failing later.
if (-not (Get-Module -Name Pester -ListAvailable | Where-Object Version -GE ([version] '5.2.0'))) {
    throw "The Pester suite needs Pester 5.2 or later, which is not installed: Install-Module -Name Pester -MinimumVersion 5.2.0 -Scope CurrentUser"
}
Import-Module -Name Pester -MinimumVersion 5.2.0

$configuration = New-PesterConfiguration
$configuration.Run.Path = $TestPath
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = $ResultPath
$run = Invoke-Pester -Configuration $configuration
# Not Run.Exit: it exits with the number of failures, and an exit code is taken modulo 256 on Linux and macOS.
if ($run.Result -ne 'Passed') {
    exit 1
}
