BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $Commands = @((Import-PowerShellDataFile -LiteralPath $ModuleManifest).CmdletsToExport | ForEach-Object { @{ Command = $_ } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $Manifest = Import-PowerShellDataFile -LiteralPath $ModuleManifest
}

Describe 'The built module' {
    It 'has a valid manifest with the version of Directory.Build.props' {
        $info = Test-ModuleManifest -Path $ModuleManifest

        $info.Version.ToString() | Should -Be $ModuleVersion
        $info.RootModule | Should -Be 'AmlRbac.PowerShell.dll'
    }

    It 'exports exactly the cmdlets its manifest lists, and nothing else' {
        $exported = @(Get-Command -Module AmlRbac)

        ($exported.Name | Sort-Object) -join ',' | Should -BeExactly (($Manifest.CmdletsToExport | Sort-Object) -join ',')
        @($exported | Where-Object CommandType -NE 'Cmdlet').Count | Should -Be 0
    }

    It 'has release notes that name every cmdlet it exports, and its license' {
        $psData = $Manifest.PrivateData.PSData

        foreach ($command in $Manifest.CmdletsToExport) {
            $psData.ReleaseNotes | Should -BeLike "*$command*"
        }
        $psData.LicenseUri | Should -BeLike 'https://*'
        Join-Path $ModuleFolder 'LICENSE' | Should -FileContentMatch 'MIT License'
    }

    It 'holds no assembly but its own two' {
        $assemblies = @(Get-ChildItem -LiteralPath $ModuleFolder -Filter '*.dll' -Recurse | ForEach-Object Name | Sort-Object)

        $assemblies -join ',' | Should -BeExactly 'AmlRbac.dll,AmlRbac.PowerShell.dll'
    }

    It 'has a default view for each output type' {
        Get-FormatData -TypeName 'AmlRbac.PowerShell.Output.AmlPermissionDecision' | Should -Not -BeNullOrEmpty
        Get-FormatData -TypeName 'AmlRbac.PowerShell.Output.AmlRoleDefinition' | Should -Not -BeNullOrEmpty
        Get-FormatData -TypeName 'AmlRbac.PowerShell.Output.AmlModelPolicy' | Should -Not -BeNullOrEmpty
    }

    It 'has MAML help that is XML with one command per cmdlet' {
        [xml] $maml = Get-Content -LiteralPath (Join-Path $ModuleFolder 'en-US/AmlRbac.PowerShell.dll-Help.xml') -Raw
        $namespaces = [System.Xml.XmlNamespaceManager]::new($maml.NameTable)
        $namespaces.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
        $names = @($maml.SelectNodes('//command:command/command:details/command:name', $namespaces) | ForEach-Object InnerText)

        ($names | Sort-Object) -join ',' | Should -BeExactly (($Manifest.CmdletsToExport | Sort-Object) -join ',')
    }

    It 'shows positional parameters and -WhatIf -Confirm in the syntax the help gives' {
        $syntax = Get-Help -Name Export-AmlRbacSnapshot | Select-Object -ExpandProperty syntax | Out-String -Width 1000

        $syntax | Should -Match '\[-Scope\] <String\[\]> \[-Path\] <String>'
        $syntax | Should -Match '\[-WhatIf\] \[-Confirm\]'
    }
}

Describe 'Help for <Command>' -ForEach $Commands {
    BeforeAll {
        $help = Get-Help -Name $Command -Full
        $parameters = @((Get-Command -Name $Command).Parameters.Values |
                Where-Object { [System.Management.Automation.Cmdlet]::CommonParameters -notcontains $_.Name })
    }

    It 'has a synopsis of its own (not the generated syntax)' {
        $help.Synopsis.Trim() | Should -Not -BeNullOrEmpty
        $help.Synopsis.Trim() | Should -Not -BeLike "$Command *"
    }

    It 'has a description' {
        ($help.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has examples with code' {
        $examples = @($help.Examples.Example)

        $examples.Count | Should -BeGreaterThan 0
        foreach ($example in $examples) {
            $example.Code | Should -BeLike "*$Command*"
        }
    }

    It 'describes every parameter' {
        foreach ($parameter in $parameters) {
            $entry = @($help.Parameters.Parameter | Where-Object Name -EQ $parameter.Name)
            $entry.Count | Should -Be 1 -Because "-$($parameter.Name) needs a help entry"
            ($entry[0].Description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) needs a description"
        }
    }
}

Describe 'The about_AmlRbac topic' {
    BeforeAll {
        # Get-Help finds about topics of modules on PSModulePath; output/ is laid out as a module path.
        $savedModulePath = $env:PSModulePath
        $env:PSModulePath = (Join-Path $RepositoryRoot 'output') + [System.IO.Path]::PathSeparator + $env:PSModulePath
    }

    AfterAll {
        $env:PSModulePath = $savedModulePath
    }

    It 'is in the module folder' {
        $text = Get-Content -LiteralPath (Join-Path $ModuleFolder 'en-US/about_AmlRbac.help.txt') -Raw

        $text | Should -Match '(?m)^TOPIC\s+about_AmlRbac'
        $text | Should -Match '(?m)^SHORT DESCRIPTION'
        $text | Should -Match '(?m)^LONG DESCRIPTION'
    }

    It 'is shown by Get-Help' {
        Get-Help -Name about_AmlRbac | Out-String | Should -Match 'SHORT DESCRIPTION'
    }
}
