BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $Subscription = '/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0'
    $CustomerManagedKey = 'AMLP001'
    $PrivateLink = 'AMLP003'
    $Initiative = "$Subscription/providers/Microsoft.Authorization/policySetDefinitions/aml-posture"
}

Describe 'New-AmlPosturePolicy builds the posture initiative and its assignment' {
    It 'assigns the initiative of the rules given, with what New-AzPolicyAssignment takes' {
        $policy = New-AmlPosturePolicy -RuleId $CustomerManagedKey, $PrivateLink -Scope $Subscription -WarningAction SilentlyContinue

        $policy.Name | Should -Be 'aml-posture'
        $policy.PolicyDefinitionId | Should -Be $Initiative
        $policy.DefinitionId | Should -Be $Initiative
        $policy.PolicyParameterObject['effect-AMLP001'] | Should -Be 'Deny'
        $policy.PolicyParameterObject['effect-AMLP003'] | Should -Be 'Audit'
        ($policy.DefinitionJson | ConvertFrom-Json).properties.policyDefinitions.policyDefinitionReferenceId | Should -Be @($CustomerManagedKey, $PrivateLink)
    }

    It 'warns when a member cannot take the effect asked' {
        $null = New-AmlPosturePolicy -RuleId $PrivateLink -Scope $Subscription -WarningVariable warnings -WarningAction SilentlyContinue

        ($warnings -join "`n") | Should -Match 'cannot Deny'
    }

    It 'writes both files, and none with -WhatIf' {
        $parameters = Join-Path $TestDrive 'parameters.json'
        $definition = Join-Path $TestDrive 'initiative.json'

        $null = New-AmlPosturePolicy -Scope $Subscription -OutFile $parameters -DefinitionOutFile $definition -WhatIf -WarningAction SilentlyContinue
        Test-Path -LiteralPath $parameters | Should -BeFalse
        Test-Path -LiteralPath $definition | Should -BeFalse

        $policy = New-AmlPosturePolicy -Scope $Subscription -OutFile $parameters -DefinitionOutFile $definition -WarningAction SilentlyContinue
        Get-Content -LiteralPath $parameters -Raw | Should -Be $policy.PolicyParameter
        (Get-Content -LiteralPath $definition -Raw | ConvertFrom-Json).properties.policyDefinitions.Count | Should -Be 9
    }

    It 'refuses a rule it cannot enforce with its error id' {
        { New-AmlPosturePolicy -RuleId 'AMLP999' -Scope $Subscription } |
            Should -Throw -ErrorId 'PostureRuleUnknown,AmlRbac.PowerShell.Cmdlets.NewAmlPosturePolicyCommand'
    }

    It 'refuses a rule no built-in audits or denies' {
        { New-AmlPosturePolicy -RuleId 'AMLP016' -Scope $Subscription } |
            Should -Throw -ErrorId 'PostureRuleNotEnforceable,AmlRbac.PowerShell.Cmdlets.NewAmlPosturePolicyCommand'
    }

    It 'refuses a workspace scope' {
        { New-AmlPosturePolicy -Scope "$Subscription/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/mlw-prod" } |
            Should -Throw -ErrorId 'ScopeInvalid,AmlRbac.PowerShell.Cmdlets.NewAmlPosturePolicyCommand'
    }
}
