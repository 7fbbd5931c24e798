# The three packages build.ps1 writes (build/New-Packages.ps1) install the way their users install them:
# PSResourceGet from a repository, Azure Automation's zip layout, and the .NET tool. Each install goes into a
# temporary home, so nothing of the machine's own modules, repositories or tools is used or changed.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $Packages = Join-Path $RepositoryRoot 'output/packages'
    $Pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
    # Alone, AzureML Compute Operator may create compute (the role's Actions hold workspaces/computes/*).
    $Check = "Test-AmlPermission -RoleName 'AzureML Compute Operator' -Action '$ComputeWrite' -WarningAction SilentlyContinue"

    function Invoke-FreshPwsh {
        # Runs a script in a new pwsh whose home (and so its CurrentUser module path and PSResourceGet's
        # repository list) is $HomePath; returns its output lines and fails on a non-zero exit.
        param([string] $HomePath, [string] $Script)
        $saved = @{ HOME = $env:HOME; XDG_DATA_HOME = $env:XDG_DATA_HOME; XDG_CONFIG_HOME = $env:XDG_CONFIG_HOME; XDG_CACHE_HOME = $env:XDG_CACHE_HOME; USERPROFILE = $env:USERPROFILE; LOCALAPPDATA = $env:LOCALAPPDATA }
        try {
            # .NET gives '' (the current folder, to PSResourceGet and NuGet) for a special folder that does not exist.
            foreach ($folder in 'AppData/Local', '.local/share', '.config', '.cache') {
                $null = New-Item -ItemType Directory -Path (Join-Path $HomePath $folder) -Force
            }
            $env:HOME = $HomePath
            $env:USERPROFILE = $HomePath
            $env:LOCALAPPDATA = Join-Path $HomePath 'AppData/Local'
            $env:XDG_DATA_HOME = Join-Path $HomePath '.local/share'
            $env:XDG_CONFIG_HOME = Join-Path $HomePath '.config'
            $env:XDG_CACHE_HOME = Join-Path $HomePath '.cache'
            $output = & $Pwsh -NoProfile -NonInteractive -Command "`$ErrorActionPreference = 'Stop'; $Script" 2>&1
            if ($LASTEXITCODE -ne 0) {
                throw "pwsh failed ($LASTEXITCODE): $($output -join [Environment]::NewLine)"
            }
            $output | ForEach-Object { "$_" }
        }
        finally {
            # An unset variable is removed again: set to empty, .NET would take '' for a folder, the current one.
            foreach ($name in $saved.Keys) {
                if ($null -eq $saved[$name]) {
                    Remove-Item -Path "env:$name" -ErrorAction SilentlyContinue
                }
                else {
                    Set-Item -Path "env:$name" -Value $saved[$name]
                }
            }
        }
    }
}

Describe 'The PSResourceGet package' {
    BeforeAll {
        $HomePath = Join-Path ([IO.Path]::GetTempPath()) "amlrbac-psresource-$([guid]::NewGuid().ToString('N'))"
        $null = New-Item -ItemType Directory -Path $HomePath
    }
    AfterAll {
        Remove-Item -LiteralPath $HomePath -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'is written as AmlRbac.{version}.nupkg' {
        Join-Path $Packages "psresource/AmlRbac.$ModuleVersion.nupkg" | Should -Exist
    }

    It 'publishes to a local repository, installs from it with Install-PSResource, and answers in a fresh pwsh' {
        $repository = Join-Path $HomePath 'repository'
        $script = @"
`$null = New-Item -ItemType Directory -Path '$repository'
Register-PSResourceRepository -Name AmlRbacTest -Uri '$repository' -Trusted
Publish-PSResource -Path '$ModuleFolder' -Repository AmlRbacTest
Install-PSResource -Name AmlRbac -Version '$ModuleVersion' -Repository AmlRbacTest -Scope CurrentUser -TrustRepository
Import-Module AmlRbac
(Get-Module AmlRbac).ModuleBase
(Get-Module AmlRbac).Version.ToString()
$Check
"@
        $lines = @(Invoke-FreshPwsh -HomePath $HomePath -Script $script)

        $lines[-3] | Should -BeLike "$HomePath*"
        $lines[-2] | Should -Be $ModuleVersion
        $lines[-1] | Should -Be 'True'
    }
}

Describe 'The Azure Automation zip' {
    BeforeAll {
        $Zip = Join-Path $Packages 'automation/AmlRbac.zip'
        $HomePath = Join-Path ([IO.Path]::GetTempPath()) "amlrbac-automation-$([guid]::NewGuid().ToString('N'))"
        $null = New-Item -ItemType Directory -Path $HomePath
    }
    AfterAll {
        Remove-Item -LiteralPath $HomePath -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'holds one folder named as the zip and the manifest, as New-AzAutomationModule requires' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $archive = [IO.Compression.ZipFile]::OpenRead($Zip)
        try {
            $roots = @($archive.Entries | ForEach-Object { ($_.FullName -replace '\\', '/').Split('/')[0] } | Sort-Object -Unique)
            $names = @($archive.Entries | ForEach-Object { $_.FullName -replace '\\', '/' })
        }
        finally {
            $archive.Dispose()
        }

        $roots -join ',' | Should -BeExactly 'AmlRbac'
        $names | Should -Contain 'AmlRbac/AmlRbac.psd1'
        $names | Should -Contain 'AmlRbac/AmlRbac.dll'
    }

    It 'imports from its folder in a fresh pwsh and answers' {
        $modules = Join-Path $HomePath 'Modules'
        Expand-Archive -LiteralPath $Zip -DestinationPath $modules
        $lines = @(Invoke-FreshPwsh -HomePath $HomePath -Script "Import-Module '$modules/AmlRbac'; $Check")

        $lines[-1] | Should -Be 'True'
    }
}

Describe 'The .NET tool package' {
    BeforeAll {
        $ToolPath = Join-Path ([IO.Path]::GetTempPath()) "amlrbac-tool-$([guid]::NewGuid().ToString('N'))"
    }
    AfterAll {
        Remove-Item -LiteralPath $ToolPath -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'installs with dotnet tool install --tool-path and runs as amlrbac' {
        $installed = & dotnet tool install AmlRbac.Cli --version $ModuleVersion --tool-path $ToolPath --add-source (Join-Path $Packages 'dotnet-tool') 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($installed -join ' ')

        $amlrbac = Join-Path $ToolPath ($IsWindows ? 'amlrbac.exe' : 'amlrbac')
        $answer = & $amlrbac test --role 'AzureML Compute Operator' --action $ComputeWrite --format json 2>$null
        $LASTEXITCODE | Should -Be 0
        ($answer -join "`n" | ConvertFrom-Json) | Should -Not -BeNullOrEmpty
        & $amlrbac --version | Should -BeLike "$ModuleVersion*"
    }
}
