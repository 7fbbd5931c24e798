#Requires -Version 7.4
<#
.SYNOPSIS
Writes the three packages of a release from the built module and the CLI; build.ps1 -Package (and -Test) runs it.

.DESCRIPTION
- output/packages/psresource/AmlRbac.<version>.nupkg: the module as PSResourceGet publishes it
  (Compress-PSResource, https://learn.microsoft.com/powershell/module/microsoft.powershell.psresourceget/compress-psresource);
  Install-PSResource installs it from any repository that holds it, a local folder included.
- output/packages/automation/AmlRbac.zip: the module for Azure Automation. New-AzAutomationModule takes a .zip
  holding a folder with the manifest, and "the name of the .zip file, the name of the folder, and the name of
  the file in the folder must be the same"
  (https://learn.microsoft.com/powershell/module/az.automation/new-azautomationmodule).
- output/packages/dotnet-tool/AmlRbac.Cli.<version>.nupkg: the amlrbac CLI as a .NET tool (dotnet pack;
  install with dotnet tool install AmlRbac.Cli --add-source <folder>,
  https://learn.microsoft.com/dotnet/core/tools/global-tools-how-to-create).
Each folder is written whole: the packages are made in a temporary folder and moved into place at the end.
#>
[CmdletBinding()]
param(
    # output/AmlRbac/<version>: the module folder build.ps1 laid out.
    [Parameter(Mandatory)]
    [string] $ModulePath,

    # src/AmlRbac.Cli/AmlRbac.Cli.csproj.
    [Parameter(Mandatory)]
    [string] $CliProject,

    # output/packages.
    [Parameter(Mandatory)]
    [string] $OutputPath,

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$staging = Join-Path ([IO.Path]::GetTempPath()) "amlrbac-packages-$([guid]::NewGuid().ToString('N'))"
try {
    $psresource = New-Item -ItemType Directory -Path (Join-Path $staging 'psresource')
    Compress-PSResource -Path $ModulePath -DestinationPath $psresource.FullName

    # Automation wants the module folder itself (named as the module, manifest inside) at the root of the zip.
    $automation = New-Item -ItemType Directory -Path (Join-Path $staging 'automation')
    $moduleRoot = New-Item -ItemType Directory -Path (Join-Path $staging 'automation-root/AmlRbac')
    Copy-Item -Path (Join-Path $ModulePath '*') -Destination $moduleRoot.FullName -Recurse
    Compress-Archive -LiteralPath $moduleRoot.FullName -DestinationPath (Join-Path $automation.FullName 'AmlRbac.zip')

    $tool = Join-Path $staging 'dotnet-tool'
    & dotnet pack $CliProject --configuration $Configuration --output $tool --nologo
    if ($LASTEXITCODE -ne 0) {
        throw "'dotnet pack $CliProject' failed with exit code $LASTEXITCODE."
    }

    if (Test-Path -LiteralPath $OutputPath) {
        Remove-Item -LiteralPath $OutputPath -Recurse -Force
    }
    $null = New-Item -ItemType Directory -Path $OutputPath
    foreach ($folder in 'psresource', 'automation', 'dotnet-tool') {
        Move-Item -LiteralPath (Join-Path $staging $folder) -Destination (Join-Path $OutputPath $folder)
    }
    Get-ChildItem -LiteralPath $OutputPath -Recurse -File | ForEach-Object { Write-Host "Packed $($_.FullName)" -ForegroundColor Green }
}
finally {
    Remove-Item -LiteralPath $staging -Recurse -Force -ErrorAction SilentlyContinue
}
