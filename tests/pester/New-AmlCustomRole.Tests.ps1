BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    function Get-ErrorId {
        # The FullyQualifiedErrorId of the terminating error a script block throws.
        param([scriptblock] $ScriptBlock)
        ($ScriptBlock | Should -Throw -PassThru).FullyQualifiedErrorId
    }

    $ComputeRead = 'Microsoft.MachineLearningServices/workspaces/computes/read'
    $ComputeStart = 'Microsoft.MachineLearningServices/workspaces/computes/start/action'
}

Describe 'New-AmlCustomRole' {
    It 'writes a role with the property names of Get-AzRoleDefinition (Az.Resources 10) by default' {
        $role = New-AmlCustomRole -Name 'Compute Starter' -Description 'Starts compute.' -Action $ComputeRead, $ComputeStart -AssignableScope $DevSubscription

        $role.PSObject.Properties.Name -join ',' |
            Should -BeExactly 'Name,Id,IsCustom,Description,Actions,NotActions,DataActions,NotDataActions,Permissions,AssignableScopes,Shape,Findings,Comparison,Compaction,OutFile'
        $role.Shape | Should -Be 'Permissions'
        $role.Actions | Should -BeNullOrEmpty
        $role.Permissions[0].Actions.Count | Should -Be 2
        $role.IsCustom | Should -BeTrue
        $role.AssignableScopes -join ',' | Should -Be $DevSubscription
        [guid]::Parse($role.Id) | Should -Not -BeNullOrEmpty
    }

    It 'writes the flat shape of Az.Resources before 10 with -Shape Flat' {
        $role = New-AmlCustomRole -Name 'Compute Starter' -Action $ComputeRead -AssignableScope $DevSubscription -Shape Flat

        $role.Shape | Should -Be 'Flat'
        $role.Actions -join ',' | Should -Be $ComputeRead
        $role.Permissions | Should -BeNullOrEmpty
    }

    It 'gives each new role a fresh id unless -Id is given' {
        $first = New-AmlCustomRole -Name 'Compute Starter' -Action $ComputeWrite -AssignableScope $DevSubscription
        $second = New-AmlCustomRole -Name 'Compute Starter' -Action $ComputeWrite -AssignableScope $DevSubscription
        $given = New-AmlCustomRole -Name 'Compute Starter' -Action $ComputeWrite -AssignableScope $DevSubscription -Id '0f2f7c8a-4f0e-4d8e-9a3c-5b7e0f3a1d22'

        $second.Id | Should -Not -Be $first.Id
        $given.Id | Should -Be '0f2f7c8a-4f0e-4d8e-9a3c-5b7e0f3a1d22'
    }

    It 'grants what the activities require, for both API versions' {
        $role = New-AmlCustomRole -Name 'Job Submitter' -Activity SubmitRun -ApiVersion Both -AssignableScope $DevSubscription

        Test-AmlPermission -RoleDefinition $role -Activity SubmitRunV1 | Should -BeTrue
        Test-AmlPermission -RoleDefinition $role -Activity SubmitRunV2 | Should -BeTrue
    }

    It 'leaves out an excluded activity' {
        $role = New-AmlCustomRole -Name 'Endpoints without keys' -Action 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/*' `
            -Activity DeployModel -ExcludeActivity RetrieveOnlineEndpointCredentials -AssignableScope $DevSubscription

        Test-AmlPermission -RoleDefinition $role -Activity RetrieveOnlineEndpointCredentials | Should -BeFalse
        Test-AmlPermission -RoleDefinition $role -Activity DeployModel | Should -BeTrue
    }

    It 'starts from a template' {
        $role = New-AmlCustomRole -Template DataScientist -AssignableScope $DevSubscription

        $role.Name | Should -Not -BeNullOrEmpty
        $role.Permissions[0].Actions.Count | Should -BeGreaterThan 0
    }

    It 'reports findings with a stable id, a severity and the entry' {
        $role = New-AmlCustomRole -Name 'Typo' -Action 'Microsoft.MachineLearningServices/workspaces/computes/raed' -AssignableScope $DevSubscription -WarningVariable warnings -WarningAction SilentlyContinue

        $finding = $role.Findings | Where-Object Id -eq 'AMLR001'
        $finding.Severity | Should -Be 'Error'
        $finding.Entry | Should -Be 'Microsoft.MachineLearningServices/workspaces/computes/raed'
        $finding.Message | Should -Match 'Did you mean'
        $warnings | Should -Not -BeNullOrEmpty
    }

    It 'checks and tightens a role piped in' {
        $existing = New-AmlCustomRole -Name 'Compute All' -Action 'Microsoft.MachineLearningServices/workspaces/computes/*' -AssignableScope $DevSubscription

        $tightened = $existing | New-AmlCustomRole -NotAction 'Microsoft.MachineLearningServices/workspaces/computes/listKeys/action'

        $tightened.Id | Should -Be $existing.Id
        $tightened.Findings.Id | Should -Not -Contain 'AMLR009'
        $existing.Findings.Id | Should -Contain 'AMLR009'
    }

    It 'reports the published MLOps role for reading workspace secrets (metadata/secrets/read)' {
        $role = New-AmlCustomRole -Template MLOps -AssignableScope $DevSubscription

        $secret = $role.Findings | Where-Object Id -EQ 'AMLR009'
        $secret.Entry | Should -Be 'Microsoft.MachineLearningServices/workspaces/metadata/secrets/read'
        $secret.Message | Should -Match 'the secrets stored in the workspace'
    }

    It 'reports a copy of AzureML Data Scientist as information (AMLR016)' {
        $role = New-AmlCustomRole -Name 'My Data Scientist' -AssignableScope $DevSubscription -Action @(
            'Microsoft.MachineLearningServices/workspaces/*/read'
            'Microsoft.MachineLearningServices/workspaces/*/action'
            'Microsoft.MachineLearningServices/workspaces/*/delete'
            'Microsoft.MachineLearningServices/workspaces/*/write'
        ) -NotAction @(
            'Microsoft.MachineLearningServices/workspaces/delete'
            'Microsoft.MachineLearningServices/workspaces/write'
            'Microsoft.MachineLearningServices/workspaces/computes/*/write'
            'Microsoft.MachineLearningServices/workspaces/computes/*/delete'
            'Microsoft.MachineLearningServices/workspaces/computes/listKeys/action'
            'Microsoft.MachineLearningServices/workspaces/listKeys/action'
            'Microsoft.MachineLearningServices/workspaces/hubs/write'
            'Microsoft.MachineLearningServices/workspaces/hubs/delete'
            'Microsoft.MachineLearningServices/workspaces/featurestores/write'
            'Microsoft.MachineLearningServices/workspaces/featurestores/delete'
        )

        $copy = $role.Findings | Where-Object Id -EQ 'AMLR016'
        "$($copy.Severity)" | Should -Be 'Information'
        $copy.Message | Should -Match "'AzureML Data Scientist'"
    }

    It 'proves the compact role grants what the explicit one does' {
        $role = New-AmlCustomRole -Template PersonaOfficeDataScientist -AssignableScope $DevSubscription -Compact

        $role.Compaction.Proof.Same | Should -BeTrue
        $role.Permissions[0].Actions.Count | Should -BeLessThan $role.Compaction.Explicit.Permissions[0].Actions.Count
    }

    It 'compares with a reference role' {
        $role = New-AmlCustomRole -Name 'Job Submitter' -Activity SubmitRunV2 -AssignableScope $DevSubscription -ReferenceRole 'AzureML Data Scientist'

        $role.Comparison.GrantsNoMore | Should -BeTrue
        $role.Comparison.OnlyInReference.Count | Should -BeGreaterThan 0
    }

    It 'writes -OutFile in both shapes, and reads it back with -Path' {
        $permissionsFile = Join-Path $TestDrive 'permissions.json'
        $flatFile = Join-Path $TestDrive 'flat.json'
        $role = New-AmlCustomRole -Name 'Compute Starter' -Action $ComputeRead, $ComputeStart -AssignableScope $DevSubscription -OutFile $permissionsFile
        New-AmlCustomRole -Name 'Compute Starter' -Action $ComputeRead, $ComputeStart -AssignableScope $DevSubscription -Shape Flat -OutFile $flatFile | Out-Null

        $permissions = Get-Content -LiteralPath $permissionsFile -Raw | ConvertFrom-Json
        $permissions.Permissions[0].actions.Count | Should -Be 2
        $permissions.Id | Should -Be $role.Id
        $flat = Get-Content -LiteralPath $flatFile -Raw | ConvertFrom-Json
        $flat.Actions.Count | Should -Be 2
        (New-AmlCustomRole -Path $permissionsFile).Permissions[0].Actions.Count | Should -Be 2
        (New-AmlCustomRole -Path $flatFile -Shape Flat).Actions.Count | Should -Be 2
    }

    It 'reads a file whose name holds [ ] with -LiteralPath, where -Path takes the brackets as a wildcard' {
        $bracketed = Join-Path $TestDrive 'role[1].json'
        $matched = Join-Path $TestDrive 'role1.json'
        New-AmlCustomRole -Name 'Bracketed' -Action $ComputeRead -AssignableScope $DevSubscription -OutFile (Join-Path $TestDrive 'bracketed.json') | Out-Null
        Move-Item -LiteralPath (Join-Path $TestDrive 'bracketed.json') -Destination $bracketed
        New-AmlCustomRole -Name 'Matched' -Action $ComputeRead -AssignableScope $DevSubscription -OutFile $matched | Out-Null

        (New-AmlCustomRole -LiteralPath $bracketed).Name | Should -BeExactly 'Bracketed'
        (New-AmlCustomRole -PSPath $bracketed).Name | Should -BeExactly 'Bracketed'
        (New-AmlCustomRole -Path $bracketed).Name | Should -BeExactly 'Matched'
    }

    It 'checks each file a -Path wildcard matches' {
        $folder = Join-Path $TestDrive 'several'
        New-Item -ItemType Directory -Path $folder | Out-Null
        foreach ($name in 'First', 'Second') {
            New-AmlCustomRole -Name $name -Action $ComputeRead -AssignableScope $DevSubscription -OutFile (Join-Path $folder "$name.json") | Out-Null
        }

        (New-AmlCustomRole -Path (Join-Path $folder '*.json')).Name | Sort-Object | Should -Be @('First', 'Second')
    }

    It 'RoleFileNotFound for a -LiteralPath that names no file, even one a wildcard would match' {
        New-AmlCustomRole -Name 'Only' -Action $ComputeRead -AssignableScope $DevSubscription -OutFile (Join-Path $TestDrive 'only1.json') | Out-Null

        Get-ErrorId { New-AmlCustomRole -LiteralPath (Join-Path $TestDrive 'only[1].json') } |
            Should -BeExactly 'RoleFileNotFound,AmlRbac.PowerShell.Cmdlets.NewAmlCustomRoleCommand'
    }

    It 'pipes into Test-AmlPermission after ConvertTo-Json and ConvertFrom-Json' {
        $role = New-AmlCustomRole -Name 'Compute Creator' -Action 'Microsoft.MachineLearningServices/workspaces/computes/*' -AssignableScope $DevSubscription
        $copy = $role | ConvertTo-Json -Depth 6 | ConvertFrom-Json

        Test-AmlPermission -RoleDefinition $copy -Action $ComputeWrite | Should -BeTrue
    }

    It 'completes operation names for -Action and role names for -ReferenceRole' {
        $line = 'New-AmlCustomRole -Name x -AssignableScope /subscriptions/x -Action Microsoft.MachineLearningServices/workspaces/computes/del'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText |
            Should -Be @('Microsoft.MachineLearningServices/workspaces/computes/delete')
        $line = 'New-AmlCustomRole -Name x -AssignableScope /subscriptions/x -Activity SubmitRunV2 -ReferenceRole AzureML'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText |
            Should -Contain "'AzureML Data Scientist'"
    }

    It 'completes template and activity names' {
        $line = 'New-AmlCustomRole -Template DataSci'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'DataScientist'
        $line = 'New-AmlCustomRole -ExcludeActivity RetrieveOnline'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'RetrieveOnlineEndpointCredentials'
    }
}

Describe 'New-AmlCustomRole error ids' {
    It 'ScopeInvalid for "/" as an assignable scope' {
        Get-ErrorId { New-AmlCustomRole -Name 'Everywhere' -Action '*/read' -AssignableScope '/' } |
            Should -BeExactly 'ScopeInvalid,AmlRbac.PowerShell.Cmdlets.NewAmlCustomRoleCommand'
    }

    It 'RoleDefinitionInvalid for a role that grants nothing' {
        Get-ErrorId { New-AmlCustomRole -Name 'Nothing' -NotAction $ComputeWrite -AssignableScope $DevSubscription } |
            Should -BeExactly 'RoleDefinitionInvalid,AmlRbac.PowerShell.Cmdlets.NewAmlCustomRoleCommand'
    }

    It 'RoleDefinitionInvalid with line and column for a file that is not JSON' {
        $file = Join-Path $TestDrive 'trailing.json'
        Set-Content -LiteralPath $file -Value "{`n  `"Name`": `"Trailing`",`n  `"Actions`": [ `"*/read`", ]`n}"

        $thrown = { New-AmlCustomRole -Path $file } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'RoleDefinitionInvalid,AmlRbac.PowerShell.Cmdlets.NewAmlCustomRoleCommand'
        $thrown.Exception.Message | Should -Match 'line 3, column'
    }

    It 'RoleFileNotFound for a missing file' {
        Get-ErrorId { New-AmlCustomRole -Path (Join-Path $TestDrive 'missing.json') } |
            Should -BeExactly 'RoleFileNotFound,AmlRbac.PowerShell.Cmdlets.NewAmlCustomRoleCommand'
    }

    It 'ActivityUnknown for an activity the catalog does not hold' {
        Get-ErrorId { New-AmlCustomRole -Name 'Unknown' -Activity 'NoSuchActivity' -AssignableScope $DevSubscription } |
            Should -BeExactly 'ActivityUnknown,AmlRbac.PowerShell.Cmdlets.NewAmlCustomRoleCommand'
    }

    It 'RoleNotFound for a template or reference role the catalog does not hold' {
        Get-ErrorId { New-AmlCustomRole -Template 'NoSuchTemplate' -AssignableScope $DevSubscription } |
            Should -BeExactly 'RoleNotFound,AmlRbac.PowerShell.Cmdlets.NewAmlCustomRoleCommand'
        Get-ErrorId { New-AmlCustomRole -Name 'X' -Action $ComputeRead -AssignableScope $DevSubscription -ReferenceRole 'No Such Role' } |
            Should -BeExactly 'RoleNotFound,AmlRbac.PowerShell.Cmdlets.NewAmlCustomRoleCommand'
    }

    It 'RoleFileAlreadyWritten for a second role piped in with -OutFile' {
        $file = Join-Path $TestDrive 'one.json'
        $roles = @(
            New-AmlCustomRole -Name 'First' -Action $ComputeRead -AssignableScope $DevSubscription
            New-AmlCustomRole -Name 'Second' -Action $ComputeRead -AssignableScope $DevSubscription
        )

        $written = $roles | New-AmlCustomRole -OutFile $file -ErrorVariable failures -ErrorAction SilentlyContinue

        @($written).Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'RoleFileAlreadyWritten,AmlRbac.PowerShell.Cmdlets.NewAmlCustomRoleCommand'
        (Get-Content -LiteralPath $file -Raw | ConvertFrom-Json).Name | Should -Be 'First'
    }

    It 'RoleDefinitionInvalid for an -Id that is not a GUID' {
        $thrown = { New-AmlCustomRole -Name 'X' -Action $ComputeRead -AssignableScope $DevSubscription -Id 'not-a-guid' } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'RoleDefinitionInvalid,AmlRbac.PowerShell.Cmdlets.NewAmlCustomRoleCommand'
        $thrown.Exception.Message | Should -BeLike "Role id 'not-a-guid' is not a GUID*"
    }
}
