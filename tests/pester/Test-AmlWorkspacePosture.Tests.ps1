# Test-AmlWorkspacePosture: one object per workspace and rule on the sample tenant, the -RuleId and -Scope filters, a
# Pester-style check on the results, the default view within 120 columns, and its error ids.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
}

Describe 'Test-AmlWorkspacePosture' {
    It 'writes one result per workspace and rule' {
        $results = @(Test-AmlWorkspacePosture -SnapshotPath $ContosoSnapshot)

        $results.Count | Should -Be 34
        $results[0].PSObject.TypeNames[0] | Should -BeExactly 'AmlRbac.PowerShell.Output.AmlWorkspacePostureResult'
        @($results | ForEach-Object Workspace | Select-Object -Unique) | Should -Be @('mlw-dev', 'mlw-prod')
        @($results | Where-Object Workspace -EQ 'mlw-dev' | ForEach-Object RuleId)[0..2] | Should -Be @('AMLP001', 'AMLP002', 'AMLP003')
        ($results[0].PSObject.Properties.Name -join ',') |
            Should -BeExactly 'Workspace,WorkspaceId,RuleId,Name,Severity,Result,Evidence,PolicyDefinitionId,PolicyDefinitionName,Source,CanChange'
    }

    It 'gives the result, the evidence, the enforcing policy and who can change it' {
        $access = Test-AmlWorkspacePosture -SnapshotPath $ContosoSnapshot -Scope $DevWorkspace -RuleId AMLP002

        $access.Result | Should -BeExactly 'Fail'
        $access.Severity | Should -BeExactly 'Error'
        $access.Evidence | Should -BeExactly 'properties.publicNetworkAccess = Enabled; properties.allowPublicAccessWhenBehindVnet: absent'
        $access.PolicyDefinitionId | Should -BeExactly '/providers/Microsoft.Authorization/policyDefinitions/438c38d2-3772-465a-a9cc-7a6666a275ce'
        $access.Source | Should -BeLike 'https://learn.microsoft.com/*'
        @($access.CanChange) | Should -Be @('mlw-dev')
    }

    It 'filters by rule id, in any case, and by scope' {
        $results = @(Test-AmlWorkspacePosture -Sample -Scope $ProdWorkspace -RuleId amlp010, AMLP014)

        @($results | ForEach-Object { "$($_.Workspace) $($_.RuleId) $($_.Result)" }) | Should -Be @('mlw-prod AMLP010 Pass', 'mlw-prod AMLP014 Pass')
    }

    It 'serves a Pester check: no Error-severity rule fails on mlw-prod, some do on mlw-dev' {
        $failing = { param($Scope) Test-AmlWorkspacePosture -Sample -Scope $Scope | Where-Object { $_.Severity -eq 'Error' -and $_.Result -eq 'Fail' } }

        & $failing $ProdWorkspace | Should -BeNullOrEmpty
        @(& $failing $DevWorkspace | ForEach-Object RuleId) | Should -Be @('AMLP001', 'AMLP002', 'AMLP010')
    }

    It 'shows a default view within 120 columns' {
        $text = Test-AmlWorkspacePosture -Sample -Scope $DevWorkspace | Out-String -Width 120

        $text | Get-ViewProblem | Should -BeNullOrEmpty
        $text | Should -Match 'AMLP016'
        $text | Should -Match 'properties.publicNetworkAccess = Enabled'
    }

    It 'converts to JSON with the results as names' {
        $json = Test-AmlWorkspacePosture -Sample -Scope $DevWorkspace -RuleId AMLP001 | ConvertTo-Json | ConvertFrom-Json

        $json.Result | Should -BeExactly 'Fail'
        $json.Severity | Should -BeExactly 'Error'
    }

    It 'fails with PostureRuleUnknown for a rule that does not exist' {
        { Test-AmlWorkspacePosture -Sample -RuleId AMLP042 } |
            Should -Throw -ErrorId 'PostureRuleUnknown,AmlRbac.PowerShell.Cmdlets.TestAmlWorkspacePostureCommand'
    }

    It 'fails with ScopeInvalid for a malformed scope' {
        { Test-AmlWorkspacePosture -Sample -Scope 'subscriptions/nope' } |
            Should -Throw -ErrorId 'ScopeInvalid,AmlRbac.PowerShell.Cmdlets.TestAmlWorkspacePostureCommand'
    }

    It 'fails with TenantMissing without a source' {
        { Test-AmlWorkspacePosture } |
            Should -Throw -ErrorId 'TenantMissing,AmlRbac.PowerShell.Cmdlets.TestAmlWorkspacePostureCommand'
    }

    It 'warns when the snapshot lists no workspaces' {
        $path = Join-Path $TestDrive 'old.json'
        Set-Content -LiteralPath $path -Value '{ "schemaVersion": 1, "roleAssignments": [] }'

        $results = @(Test-AmlWorkspacePosture -SnapshotPath $path -WarningVariable warnings -WarningAction SilentlyContinue)

        $results.Count | Should -Be 0
        $warnings | Should -Match 'no workspaces section'
    }
}

Describe 'Test-AmlWorkspacePosture with Get-AzResource output piped in' {
    BeforeAll {
        # What Get-AzResource -ExpandProperties writes for a workspace (PSResource), with the properties of the
        # Workspaces_Get example (tests/fixtures/posture-arm-examples); only what the rules below read is set.
        $Id = '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/workspace-1234/providers/Microsoft.MachineLearningServices/workspaces/testworkspace'
        function New-WorkspaceResource([string] $PublicNetworkAccess, [switch] $WithoutProperties) {
            [pscustomobject]@{
                ResourceId   = $Id
                Name         = 'testworkspace'
                ResourceType = 'Microsoft.MachineLearningServices/workspaces'
                Location     = 'eastus2euap'
                Identity     = [pscustomobject]@{ Type = 'SystemAssigned' }
                Properties   = if ($WithoutProperties) { $null } else {
                    [pscustomobject]@{ publicNetworkAccess = $PublicNetworkAccess; allowPublicAccessWhenBehindVnet = $false; hbiWorkspace = $false }
                }
            }
        }
    }

    It 'reads the piped workspace as ARM wrote it' {
        $closed = New-WorkspaceResource -PublicNetworkAccess Disabled | Test-AmlWorkspacePosture -RuleId AMLP002
        $open = New-WorkspaceResource -PublicNetworkAccess Enabled | Test-AmlWorkspacePosture -RuleId AMLP002

        $closed.Workspace | Should -BeExactly 'testworkspace'
        $closed.Result | Should -BeExactly 'Pass'
        $open.Result | Should -BeExactly 'Fail'
        $open.Evidence | Should -BeExactly 'properties.publicNetworkAccess = Enabled; properties.allowPublicAccessWhenBehindVnet = false'
    }

    It 'says Unknown for a workspace piped without -ExpandProperties, and for computes that were not piped' {
        (New-WorkspaceResource -WithoutProperties | Test-AmlWorkspacePosture -RuleId AMLP002).Result | Should -BeExactly 'Unknown'
        (New-WorkspaceResource -PublicNetworkAccess Disabled | Test-AmlWorkspacePosture -RuleId AMLP010).Result | Should -BeExactly 'Unknown'
    }
}
