#Requires -Version 7.4
<#
.SYNOPSIS
Builds the AmlRbac module into output/AmlRbac/<version>/ and, with -Test, runs every test against it.

.DESCRIPTION
Needs only pwsh 7.4+ and the .NET SDK that global.json names. The README's test command starts it with the
PowerShell pinned in .config/dotnet-tools.json ('dotnet tool restore', then 'dotnet pwsh'); for -Test and
-Pester it restores the pinned Pester package from NuGet into .tools/ (build/tools/TestTools.csproj), so no
PowerShell Gallery is needed.

1. Reads the one version from <Version> in Directory.Build.props and fails unless AmlRbac.psd1's
   ModuleVersion is the same.
2. Publishes src/AmlRbac.PowerShell and lays out output/AmlRbac/<version>/ with AmlRbac.psd1,
   AmlRbac.Format.ps1xml, AmlRbac.PowerShell.dll and AmlRbac.dll, and fails if any other assembly is
   there: the module loads beside Az.Accounts and must bring no third-party assembly.
3. Writes the help from docs/*.md (build/New-ModuleHelp.ps1, in its own pwsh so this session does not
   load the module): en-US/AmlRbac.PowerShell.dll-Help.xml and en-US/about_AmlRbac.help.txt.
4. With -Package, -Test or -Pester: writes output/packages/ (build/New-Packages.ps1): the module as a
   PSResourceGet package, the zip Azure Automation imports, and the CLI as a .NET tool package.
5. With -Test: runs 'dotnet test', then the Pester suite (tests/pester) in a fresh 'pwsh -NoProfile'
   against the built module (build/Test-Module.ps1), and fails on any failure. With -Pester: the
   Pester suite alone.

.EXAMPLE
./build.ps1

Builds output/AmlRbac/<version>/ in Release. Import it with Import-Module ./output/AmlRbac/<version>/AmlRbac.psd1.

.EXAMPLE
./build.ps1 -Package

Builds, then writes the three packages into output/packages/.

.EXAMPLE
./build.ps1 -Test

Builds, then runs the xunit tests and the Pester suite.
#>
[CmdletBinding()]
param(
    # The dotnet build configuration of the module's assemblies.
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Run 'dotnet test' and the Pester suite after building.
    [switch] $Test,

    # Run only the Pester suite after building.
    [switch] $Pester,

    # Write the module package (PSResourceGet), the Azure Automation zip and the CLI's .NET tool package
    # into output/packages/ (-Test writes them too: the Pester suite installs them).
    [switch] $Package
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$root = $PSScriptRoot
$pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')

function Invoke-Native {
    # Runs a program and fails the build when it fails (a native exit code does not stop a script by
    # itself). The arguments come as one array so none of them is taken for a parameter of this function.
    param(
        [string] $FilePath,
        [string[]] $ArgumentList
    )
    Write-Host "> $FilePath $($ArgumentList -join ' ')" -ForegroundColor Cyan
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

# 1. One version for the assemblies and the manifest.
[xml] $props = Get-Content -LiteralPath (Join-Path $root 'Directory.Build.props') -Raw
$versionNode = $props.SelectSingleNode('/Project/PropertyGroup/Version')
if ($null -eq $versionNode) {
    throw 'Directory.Build.props has no <Version>.'
}
$version = $versionNode.InnerText.Trim()
$manifestSource = Join-Path $root 'AmlRbac.psd1'
$manifestVersion = (Import-PowerShellDataFile -LiteralPath $manifestSource).ModuleVersion
if ($manifestVersion -ne $version) {
    throw "AmlRbac.psd1 has ModuleVersion '$manifestVersion' but Directory.Build.props has <Version>$version</Version>: make them equal."
}

# 2. Publish and lay out the module.
$output = Join-Path $root 'output'
$publish = Join-Path $output 'publish'
$moduleDir = Join-Path $output "AmlRbac/$version"
foreach ($stale in $publish, $moduleDir) {
    if (Test-Path -LiteralPath $stale) {
        Remove-Item -LiteralPath $stale -Recurse -Force
    }
}
Invoke-Native -FilePath 'dotnet' -ArgumentList @(
    'publish', (Join-Path $root 'src/AmlRbac.PowerShell/AmlRbac.PowerShell.csproj'),
    '--configuration', $Configuration, '--output', $publish, '--nologo')

$null = New-Item -ItemType Directory -Path $moduleDir -Force
Copy-Item -LiteralPath $manifestSource -Destination $moduleDir
Copy-Item -LiteralPath (Join-Path $root 'module/AmlRbac.Format.ps1xml') -Destination $moduleDir
Copy-Item -LiteralPath (Join-Path $root 'LICENSE') -Destination $moduleDir
Get-ChildItem -LiteralPath $publish -Filter '*.dll' | Copy-Item -Destination $moduleDir

$expected = 'AmlRbac.dll, AmlRbac.PowerShell.dll'
$shipped = (Get-ChildItem -LiteralPath $moduleDir -Filter '*.dll' | ForEach-Object Name | Sort-Object) -join ', '
if ($shipped -ne $expected) {
    throw "The module folder must hold exactly these assemblies: $expected; it holds: $shipped. A third-party assembly would clash with other modules (Az.Accounts ...) in the same session."
}

# 3. Help, from docs/*.md, in a separate pwsh (it imports the module to read the cmdlets' parameters).
Invoke-Native -FilePath $pwsh -ArgumentList @(
    '-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'build/New-ModuleHelp.ps1'),
    '-ManifestPath', (Join-Path $moduleDir 'AmlRbac.psd1'),
    '-DocsPath', (Join-Path $root 'docs'),
    '-OutputPath', (Join-Path $moduleDir 'en-US'))

Write-Host "Built $moduleDir" -ForegroundColor Green

# 4. Packages.
if ($Package -or $Test -or $Pester) {
    Invoke-Native -FilePath $pwsh -ArgumentList @(
        '-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'build/New-Packages.ps1'),
        '-ModulePath', $moduleDir,
        '-CliProject', (Join-Path $root 'src/AmlRbac.Cli/AmlRbac.Cli.csproj'),
        '-OutputPath', (Join-Path $output 'packages'),
        '-Configuration', $Configuration)
}

# 5. Tests.
if ($Test) {
    Push-Location -LiteralPath $root
    try {
        Invoke-Native -FilePath 'dotnet' -ArgumentList @('test')
    }
    finally {
        Pop-Location
    }
}
if ($Test -or $Pester) {
    # Pester comes from NuGet as a package whose tools/ folder is the module; the version is pinned there.
    $tools = Join-Path $root 'build/tools/TestTools.csproj'
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('restore', $tools, '--nologo')
    [xml] $toolsProject = Get-Content -LiteralPath $tools -Raw
    $pesterVersion = $toolsProject.SelectSingleNode("//PackageDownload[@Include='Pester']").Version.Trim('[', ']')
    $pesterManifest = Join-Path $root ".tools/packages/pester/$pesterVersion/tools/Pester.psd1"
    Invoke-Native -FilePath $pwsh -ArgumentList @(
        '-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'build/Test-Module.ps1'),
        '-PesterPath', $pesterManifest,
        '-TestPath', (Join-Path $root 'tests/pester'),
        '-ResultPath', (Join-Path $output 'pester-results.xml'))
}
