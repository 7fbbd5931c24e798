# Export-AmlRbacSnapshot and -Live against the ARM emulator (tests/AmlRbac.ArmEmulator, built by
# `dotnet test`), started here as a process serving the sample snapshot. Get-AzAccessToken is mocked:
# its Token is a SecureString (Az.Accounts 5.0 and later) or a string (before), and both must work.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'emulator.ps1')

    $emulator = Start-ArmEmulator -LogFolder $TestDrive
    $script:Emulator = $emulator.Process
    $script:ArmUrl = $emulator.Url

    # The standalone emulator's token, the same for ARM and Graph (they share its host, so
    # Get-AzAccessToken -ResourceUrl is asked for the same URL for both).
    $script:ArmToken = 'emulator-token'
    $script:GraphToken = 'emulator-token'

    Add-GetAzAccessTokenStandIn

    function New-AccessTokenObject {
        # What Get-AzAccessToken returns: Token a SecureString (Az.Accounts 5.0 and later) or a string (before).
        param([switch] $AsString)
        [pscustomobject]@{
            Token     = if ($AsString) { $script:ArmToken } else { ConvertTo-SecureString -String $script:ArmToken -AsPlainText -Force }
            ExpiresOn = [DateTimeOffset]::UtcNow.AddHours(1)
            Type      = 'Bearer'
        }
    }
}

AfterAll {
    if ($script:Emulator) {
        Stop-Process -Id $script:Emulator.Id -ErrorAction SilentlyContinue
    }
}

Describe 'Export-AmlRbacSnapshot' {
    It 'writes the served tenant with a <Kind> token from Get-AzAccessToken' -ForEach @(@{ Kind = 'SecureString' }, @{ Kind = 'string' }) {
        if ($Kind -eq 'string') { Mock Get-AzAccessToken { New-AccessTokenObject -AsString } } else { Mock Get-AzAccessToken { New-AccessTokenObject } }
        $path = Join-Path $TestDrive "export-$Kind.json"

        $file = Export-AmlRbacSnapshot -Scope /providers/Microsoft.Management/managementGroups/contoso-ml -Path $path -ArmUrl $ArmUrl -PassThru

        $file.FullName | Should -Be $path
        $file | Out-String -Width 120 | Get-ViewProblem | Should -BeNullOrEmpty
        # One token for ARM, one for Graph; both asked for the emulator's URL (it serves both).
        Should -Invoke Get-AzAccessToken -Times 2 -Exactly -ParameterFilter { $ResourceUrl -eq $ArmUrl }
        $exported = Get-Content -LiteralPath $path -Raw | ConvertFrom-Json
        $served = Get-Content -LiteralPath $ContosoSnapshot -Raw | ConvertFrom-Json
        $exported.roleAssignments.Count | Should -Be $served.roleAssignments.Count
        $exported.principals.Count | Should -Be $served.principals.Count
        (Get-Content -LiteralPath $path -Raw) | Should -Not -Match ([regex]::Escape($ArmToken))
    }

    It 'holds, at a management group, the policy assigned to the subscriptions and workspaces below it' {
        # A management group's policy lists hold only what is assigned at it and above
        # (PolicyAssignments_ListForManagementGroup, PolicyExemptions_ListForManagementGroup): the export reads
        # each subscription under the group too.
        Mock Get-AzAccessToken { New-AccessTokenObject }
        $path = Join-Path $TestDrive 'policy-below-group.json'

        Export-AmlRbacSnapshot -Scope /providers/Microsoft.Management/managementGroups/contoso-ml -Path $path -ArmUrl $ArmUrl

        $exported = Get-Content -LiteralPath $path -Raw | ConvertFrom-Json
        $exported.policyAssignments.id | Should -Contain "$DevSubscription/providers/Microsoft.Authorization/policyAssignments/restrict-model-registry-report"
        $exported.policyExemptions.id | Should -Be "$ProdWorkspace/providers/Microsoft.Authorization/policyExemptions/falcon-pilot"
    }

    It 'takes -AccessToken and -GraphAccessToken instead of the Az context' {
        Mock Get-AzAccessToken { throw 'Get-AzAccessToken must not be called' }
        $path = Join-Path $TestDrive 'with-tokens.json'
        $arm = ConvertTo-SecureString -String $ArmToken -AsPlainText -Force
        $graph = ConvertTo-SecureString -String $GraphToken -AsPlainText -Force

        Export-AmlRbacSnapshot -Scope $DevSubscription -Path $path -ArmUrl $ArmUrl -AccessToken $arm -GraphAccessToken $graph

        Test-Path -LiteralPath $path | Should -BeTrue
    }

    It 'answers the offline commands as the served tenant does' {
        Mock Get-AzAccessToken { New-AccessTokenObject }
        $path = Join-Path $TestDrive 'roundtrip.json'
        Export-AmlRbacSnapshot -Scope /providers/Microsoft.Management/managementGroups/contoso -Path $path -ArmUrl $ArmUrl

        foreach ($case in @(Get-SharedCase -Kind check | Where-Object { $_.Case.snapshot -eq 'contoso' })) {
            $query = $case.Case.query
            $fromExport = Test-AmlPermission -PrincipalId $query.principal -Scope $query.scope -Action $query.action -DataAction:([bool] $query.isDataAction) -LiteralSnapshotPath $path
            $fromSample = Test-AmlPermission -PrincipalId $query.principal -Scope $query.scope -Action $query.action -DataAction:([bool] $query.isDataAction) -LiteralSnapshotPath $ContosoSnapshot
            $fromExport | Should -Be $fromSample -Because $case.Name
        }
    }

    It 'fails with ArmUnauthorized, names Connect-AzAccount and writes no file when Az has no context' {
        Mock Get-AzAccessToken { throw 'Run Connect-AzAccount to login.' }
        $path = Join-Path $TestDrive 'no-context.json'

        $record = { Export-AmlRbacSnapshot -Scope $DevSubscription -Path $path -ArmUrl $ArmUrl } | Should -Throw -PassThru

        $record.FullyQualifiedErrorId | Should -BeLike 'ArmUnauthorized,*'
        $record.Exception.Message | Should -Match 'Connect-AzAccount'
        Test-Path -LiteralPath $path | Should -BeFalse
    }

    It 'fails with ArmUnauthorized for a refused token, without showing it' {
        $wrong = ConvertTo-SecureString -String 'not-the-token-3f9a' -AsPlainText -Force
        $path = Join-Path $TestDrive 'refused.json'

        $record = { Export-AmlRbacSnapshot -Scope $DevSubscription -Path $path -ArmUrl $ArmUrl -AccessToken $wrong -GraphAccessToken $wrong } | Should -Throw -PassThru

        $record.FullyQualifiedErrorId | Should -BeLike 'ArmUnauthorized,*'
        $record.Exception.Message | Should -Match 'x-ms-correlation-request-id'
        ($record | Out-String) + $record.Exception.ToString() | Should -Not -Match 'not-the-token-3f9a'
        Test-Path -LiteralPath $path | Should -BeFalse
    }

    It 'rejects a scope before any request' {
        { Export-AmlRbacSnapshot -Scope 'not/a/scope' -Path (Join-Path $TestDrive 'x.json') -ArmUrl $ArmUrl } |
            Should -Throw -ErrorId 'ScopeInvalid,AmlRbac.PowerShell.Cmdlets.ExportAmlRbacSnapshotCommand'
    }

    It 'rejects -MaxRequestsPerSecond 0 naming it, before any token or request' {
        Mock Get-AzAccessToken { New-AccessTokenObject }
        $path = Join-Path $TestDrive 'zero-rate.json'

        $record = { Export-AmlRbacSnapshot -Scope $DevSubscription -Path $path -ArmUrl $ArmUrl -MaxRequestsPerSecond 0 } | Should -Throw -PassThru

        $record.FullyQualifiedErrorId | Should -BeLike 'LiveParameterInvalid,*'
        $record.Exception.Message | Should -Match '-MaxRequestsPerSecond must be a positive number'
        Should -Invoke Get-AzAccessToken -Times 0 -Exactly
        Test-Path -LiteralPath $path | Should -BeFalse
    }

    It 'exports at a pace of its own with -MaxRequestsPerSecond' {
        Mock Get-AzAccessToken { New-AccessTokenObject }
        $path = Join-Path $TestDrive 'paced.json'
        Export-AmlRbacSnapshot -Scope $DevSubscription -Path $path -ArmUrl $ArmUrl -MaxRequestsPerSecond 50
        Test-Path -LiteralPath $path | Should -BeTrue
    }

    It 'writes nothing with -WhatIf' {
        Mock Get-AzAccessToken { New-AccessTokenObject }
        $path = Join-Path $TestDrive 'whatif.json'
        Export-AmlRbacSnapshot -Scope $DevSubscription -Path $path -ArmUrl $ArmUrl -WhatIf
        Test-Path -LiteralPath $path | Should -BeFalse
        Should -Invoke Get-AzAccessToken -Times 0 -Exactly
    }
}

Describe '-Live on the query cmdlets' {
    BeforeEach {
        Mock Get-AzAccessToken { New-AccessTokenObject }
    }

    It 'Test-AmlPermission -Live takes a user principal name and answers as the snapshot does' {
        Test-AmlPermission -Live -ArmUrl $ArmUrl -PrincipalId alice@contoso.com -Scope $DevWorkspace -Action $ComputeWrite | Should -BeTrue
        $live = Test-AmlPermission -Live -ArmUrl $ArmUrl -PrincipalId alice@contoso.com -Scope $DevWorkspace -Action $ComputeWrite -Detailed
        $offline = Test-AmlPermission -PrincipalId alice@contoso.com -Scope $DevWorkspace -Action $ComputeWrite -Detailed -LiteralSnapshotPath $ContosoSnapshot
        $live.PrincipalName | Should -Be $offline.PrincipalName
        $live.Decision | Should -Be $offline.Decision
    }

    It 'Get-AmlEffectiveAccess -Live lists who can, with names' {
        $live = @(Get-AmlEffectiveAccess -Live -ArmUrl $ArmUrl -Action $ComputeDelete -Scope $ProdWorkspace)
        $offline = @(Get-AmlEffectiveAccess -Action $ComputeDelete -Scope $ProdWorkspace -LiteralSnapshotPath $ContosoSnapshot)
        $live.Count | Should -Be $offline.Count
        ($live.PrincipalName | Sort-Object) | Should -Be ($offline.PrincipalName | Sort-Object)
    }

    It 'is a SourceConflict with a snapshot' {
        { Test-AmlPermission -Live -ArmUrl $ArmUrl -PrincipalId $Alice -Scope $DevWorkspace -Action $ComputeWrite -LiteralSnapshotPath $ContosoSnapshot } |
            Should -Throw -ErrorId 'SourceConflict,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }

    It 'rejects -AccessToken without -Live' {
        $token = ConvertTo-SecureString -String $ArmToken -AsPlainText -Force
        { Test-AmlPermission -AccessToken $token -PrincipalId $Alice -Scope $DevWorkspace -Action $ComputeWrite -LiteralSnapshotPath $ContosoSnapshot } |
            Should -Throw -ErrorId 'LiveParameterInvalid,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }

    It 'reports an ambiguous or unknown name' {
        { Test-AmlPermission -Live -ArmUrl $ArmUrl -PrincipalId nobody@contoso.com -Scope $DevWorkspace -Action $ComputeWrite } |
            Should -Throw -ErrorId 'PrincipalNotFound,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }
}
