BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    function Get-AssertionError {
        # The ErrorRecord the assertion throws.
        param([scriptblock] $ScriptBlock)
        $ScriptBlock | Should -Throw -PassThru
    }
}

Describe 'Assert-AmlPermission passes silently' {
    It 'when every answer is Allowed' {
        Assert-AmlPermission -PrincipalId $Alice -Scope $DevWorkspace -Action $ComputeWrite -Activity CreateComputeCluster -LiteralSnapshotPath $ContosoSnapshot |
            Should -BeNullOrEmpty
    }

    It 'when every answer is one -Decision names' {
        Assert-AmlPermission -PrincipalId $Alice -Scope $ProdWorkspace -Action $ComputeWrite -Decision NotGranted, Denied -LiteralSnapshotPath $ContosoSnapshot |
            Should -BeNullOrEmpty
    }

    It 'writes the decisions with -PassThru' {
        $decisions = @(Assert-AmlPermission -PrincipalId $Alice -Scope $DevWorkspace -Action $ComputeWrite -PassThru -LiteralSnapshotPath $ContosoSnapshot)

        $decisions.Count | Should -Be 1
        $decisions[0].GrantedBy | Should -Be 'AzureML Compute Operator'
    }

    It 'for a role definition piped alone' {
        $ComputeCreatorAz | Assert-AmlPermission -Action $ComputeWrite | Should -BeNullOrEmpty
    }
}

Describe 'Assert-AmlPermission fails with the reasons' {
    It 'names who, where, what, the decision and the reason' {
        $thrown = Get-AssertionError { Assert-AmlPermission -PrincipalId $Alice -Scope $ProdWorkspace -Activity CreateComputeCluster -LiteralSnapshotPath $ContosoSnapshot }

        $thrown.FullyQualifiedErrorId | Should -BeExactly 'PermissionAssertionFailed,AmlRbac.PowerShell.Cmdlets.AssertAmlPermissionCommand'
        $thrown.CategoryInfo.Category.ToString() | Should -Be 'PermissionDenied'
        $message = $thrown.Exception.Message
        $message | Should -BeLike 'Expected Allowed, but 1 answer is not:*'
        $message | Should -BeLike "*Alice Chen ($Alice) at $ProdWorkspace`: activity CreateComputeCluster is NotGranted.*"
        # The reasons: the missing operation, and the built-in role that would grant it.
        $message | Should -BeLike "*$ComputeWrite*"
        $message | Should -BeLike '*AzureML Compute Operator*'
    }

    It 'names the role assignment that allows what -Decision forbids' {
        $thrown = Get-AssertionError { Assert-AmlPermission -PrincipalId $Alice -Scope $DevWorkspace -Action $ComputeWrite -Decision NotGranted -LiteralSnapshotPath $ContosoSnapshot }

        $thrown.Exception.Message | Should -BeLike "Expected NotGranted, but 1 answer is not:*$ComputeWrite is Allowed.*AzureML Compute Operator*ml-data-scientists*"
    }

    It 'lists every piped principal that is not as expected in one failure' {
        $thrown = Get-AssertionError { $DanaComputeOperator, $EveReader | Assert-AmlPermission -Action $ComputeWrite }

        $thrown.Exception.Message | Should -BeLike 'Expected Allowed, but 1 answer is not:*Eve Stone*NotGranted*'
        $thrown.Exception.Message | Should -Not -BeLike '*Dana Ruiz*'
    }

    It 'fails when nothing was answered' {
        $thrown = Get-AssertionError { @() | Assert-AmlPermission -Action $ComputeWrite }

        $thrown.FullyQualifiedErrorId | Should -BeExactly 'PermissionAssertionFailed,AmlRbac.PowerShell.Cmdlets.AssertAmlPermissionCommand'
        $thrown.Exception.Message | Should -BeLike 'Nothing was answered*'
    }

    It 'fails a Pester test with the reasons in its message' {
        # The point of the cmdlet: what a failing It block prints.
        $result = Invoke-Pester -Container (New-PesterContainer -ScriptBlock {
                param($Snapshot, $Scope)
                Describe 'check' { It 'alice creates compute in prod' { Assert-AmlPermission -LiteralSnapshotPath $Snapshot -PrincipalId alice@contoso.com -Scope $Scope -Activity CreateComputeCluster } }
            } -Data @{ Snapshot = $ContosoSnapshot; Scope = $ProdWorkspace }) -PassThru -Output None

        $result.FailedCount | Should -Be 1
        "$($result.Failed[0].ErrorRecord)" | Should -BeLike '*CreateComputeCluster is NotGranted*AzureML Compute Operator*'
    }
}

Describe 'the README''s Pester governance check' {
    It 'passes against the sample snapshot' {
        $readme = Get-Content -LiteralPath (Join-Path $RepositoryRoot 'README.md') -Raw
        $block = [regex]::Match($readme, '### A Pester governance check\s+```powershell\r?\n(?<code>.+?)```', 'Singleline').Groups['code'].Value
        $block | Should -Match 'Assert-AmlPermission'

        Push-Location -LiteralPath $RepositoryRoot
        try {
            $result = Invoke-Pester -Container (New-PesterContainer -ScriptBlock ([scriptblock]::Create($block))) -PassThru -Output None
        }
        finally {
            Pop-Location
        }

        $result.FailedCount | Should -Be 0
        $result.PassedCount | Should -Be 3
    }
}

Describe 'Assert-AmlPermission -RelatedResource' {
    # Issue #13: an activity checked on a resource beside the workspace holds only once that resource is named.
    BeforeAll {
        $Carol = 'd0a750e3-0e35-4166-afb7-2ba4596dbd90'
        $ProdSubnet = '/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-ml'
    }

    It 'fails on Unknown without the subnet and passes with it' {
        $thrown = Get-AssertionError { Assert-AmlPermission -LiteralSnapshotPath $ContosoSnapshot -PrincipalId $Carol -Scope $ProdWorkspace -Activity DeployIntoVnet }
        $thrown.Exception.Message | Should -BeLike '*Unknown*'
        Assert-AmlPermission -LiteralSnapshotPath $ContosoSnapshot -PrincipalId $Carol -Scope $ProdWorkspace -Activity DeployIntoVnet -RelatedResource $ProdSubnet |
            Should -BeNullOrEmpty
    }
}
