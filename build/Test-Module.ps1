#Requires -Version 7.4
<#
.SYNOPSIS
Runs the Pester suite against the built module; build.ps1 -Test starts it in a fresh 'pwsh -NoProfile'.

.DESCRIPTION
The suite imports output/AmlRbac/<version>/AmlRbac.psd1 itself (tests/pester/common.ps1). The process
exits with the number of failed tests (Run.Exit), so build.ps1 fails on any failure; results are also
written as NUnit XML for CI.
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

Import-Module -Name Pester -MinimumVersion 5.0.0

$configuration = New-PesterConfiguration
$configuration.Run.Path = $TestPath
$configuration.Run.Exit = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = $ResultPath
Invoke-Pester -Configuration $configuration
