BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    function Get-ErrorId {
        # The FullyQualifiedErrorId of the terminating error a script block throws.
        param([scriptblock] $ScriptBlock)
        ($ScriptBlock | Should -Throw -PassThru).FullyQualifiedErrorId
    }
}

Describe 'New-AmlCustomRole' {
    It 'writes a role with the property names of Get-AzRoleDefinition' {
        $role = New-AmlCustomRole -Name 'Compute Starter' -Description 'Starts compute.' `
            -Action 'Microsoft.MachineLearningServices/workspaces/computes/read', 'Microsoft.MachineLearningServices/workspaces/computes/start/action' `
            -AssignableScope $DevSubscription

        $role.PSObject.Properties.Name -join ',' | Should -BeExactly 'Name,Id,IsCustom,Description,Actions,NotActions,DataActions,NotDataActions,AssignableScopes'
        $role.Name | Should -Be 'Compute Starter'
        $role.IsCustom | Should -BeTrue
        $role.Actions.Count | Should -Be 2
        $role.AssignableScopes -join ',' | Should -Be $DevSubscription
        [guid]::Parse($role.Id) | Should -Not -BeNullOrEmpty
    }

    It 'gives the same name the same id' {
        $first = New-AmlCustomRole -Name 'Compute Starter' -Action $ComputeWrite -AssignableScope $DevSubscription
        $second = New-AmlCustomRole -Name 'Compute Starter' -Action $ComputeDelete -AssignableScope $DevSubscription

        $second.Id | Should -Be $first.Id
    }

    It 'grants what the activities require' {
        $role = New-AmlCustomRole -Name 'Compute Creator' -Activity CreateComputeCluster -AssignableScope $DevSubscription

        $role.Actions | Should -Contain $ComputeWrite
        Test-AmlPermission -RoleDefinition $role -Activity CreateComputeCluster | Should -BeTrue
    }

    It 'starts from a template' {
        $role = New-AmlCustomRole -Template DataScientist -AssignableScope $DevSubscription

        $role.Name | Should -Not -BeNullOrEmpty
        $role.Actions.Count | Should -BeGreaterThan 0
    }

    It 'survives ConvertTo-Json and ConvertFrom-Json, the way to New-AzRoleDefinition -InputFile' {
        $role = New-AmlCustomRole -Name 'Compute Creator' -Action 'Microsoft.MachineLearningServices/workspaces/computes/*' -AssignableScope $DevSubscription
        $copy = $role | ConvertTo-Json -Depth 5 | ConvertFrom-Json

        $copy.Actions -join ',' | Should -Be 'Microsoft.MachineLearningServices/workspaces/computes/*'
        Test-AmlPermission -RoleDefinition $copy -Action $ComputeWrite | Should -BeTrue
    }

    It 'completes template names' {
        $line = 'New-AmlCustomRole -Template DataSci'
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText

        $completions | Should -Contain 'DataScientist'
    }
}

Describe 'New-AmlCustomRole error ids' {
    It 'ScopeInvalid for "/" as an assignable scope' {
        Get-ErrorId { New-AmlCustomRole -Name 'Everywhere' -Action '*/read' -AssignableScope '/' } |
            Should -BeExactly 'ScopeInvalid,AmlRbac.PowerShell.Cmdlets.NewAmlCustomRoleCommand'
    }

    It 'RoleDefinitionInvalid for two wildcards in one entry' {
        Get-ErrorId { New-AmlCustomRole -Name 'Greedy' -Action 'Microsoft.MachineLearningServices/*/computes/*' -AssignableScope $DevSubscription } |
            Should -BeExactly 'RoleDefinitionInvalid,AmlRbac.PowerShell.Cmdlets.NewAmlCustomRoleCommand'
    }

    It 'RoleDefinitionInvalid for a role that grants nothing' {
        Get-ErrorId { New-AmlCustomRole -Name 'Nothing' -NotAction $ComputeWrite -AssignableScope $DevSubscription } |
            Should -BeExactly 'RoleDefinitionInvalid,AmlRbac.PowerShell.Cmdlets.NewAmlCustomRoleCommand'
    }

    It 'ActionUnknown for a misspelled Azure ML operation' {
        Get-ErrorId { New-AmlCustomRole -Name 'Typo' -Action 'Microsoft.MachineLearningServices/workspaces/computes/wirte' -AssignableScope $DevSubscription } |
            Should -BeExactly 'ActionUnknown,AmlRbac.PowerShell.Cmdlets.NewAmlCustomRoleCommand'
    }

    It 'ActivityUnknown for an activity the catalog does not hold' {
        Get-ErrorId { New-AmlCustomRole -Name 'Unknown' -Activity 'NoSuchActivity' -AssignableScope $DevSubscription } |
            Should -BeExactly 'ActivityUnknown,AmlRbac.PowerShell.Cmdlets.NewAmlCustomRoleCommand'
    }

    It 'RoleNotFound for a template the catalog does not hold' {
        Get-ErrorId { New-AmlCustomRole -Template 'NoSuchTemplate' -AssignableScope $DevSubscription } |
            Should -BeExactly 'RoleNotFound,AmlRbac.PowerShell.Cmdlets.NewAmlCustomRoleCommand'
    }
}
