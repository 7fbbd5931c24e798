# Compare-AmlRbacSnapshot on the two sample snapshots (samples/README.md, "The same tenant a week later"): one object
# per changed decision with its cause and both files' digests, nothing for a snapshot compared with itself, the
# filters, the table view, and the engine's errors as ErrorRecords.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:After = Join-Path $RepositoryRoot 'samples/contoso-after.snapshot.json'
    $script:Frank = '2534770b-545c-4579-9733-258a6602b0d0'
}

Describe 'Compare-AmlRbacSnapshot' {
    It 'writes nothing for a snapshot compared with itself' {
        Compare-AmlRbacSnapshot -BeforePath $ContosoSnapshot -AfterPath $ContosoSnapshot | Should -BeNullOrEmpty
    }

    It 'writes one object per changed decision, with its cause' {
        $changes = Compare-AmlRbacSnapshot -BeforePath $ContosoSnapshot -AfterPath $After

        $changes | Should -Not -BeNullOrEmpty
        $changes[0].GetType().FullName | Should -Be 'AmlRbac.PowerShell.Output.AmlDecisionChange'
        $cluster = $changes | Where-Object { $_.PrincipalId -eq $Frank -and $_.Activity -eq 'CreateComputeCluster' -and $_.Scope -eq $DevWorkspace }
        @($cluster).Count | Should -Be 1
        $cluster.Principal | Should -Be 'Frank Nguyen'
        "$($cluster.Before)" | Should -Be 'NotGranted'
        "$($cluster.After)" | Should -Be 'Allowed'
        $cluster.Cause | Should -Be 'GroupMembership added: Frank Nguyen added to ml-data-scientists'
    }

    It 'names both files with their SHA-256 digests on every object' {
        $changes = Compare-AmlRbacSnapshot $ContosoSnapshot $After

        $expected = (Get-FileHash -LiteralPath $After -Algorithm SHA256).Hash.ToLowerInvariant()
        $changes | ForEach-Object { $_.AfterSnapshot.Sha256 } | Select-Object -Unique | Should -Be $expected
        $changes[0].BeforeSnapshot.Sha256 | Should -Be (Get-FileHash -LiteralPath $ContosoSnapshot -Algorithm SHA256).Hash.ToLowerInvariant()
    }

    It 'keeps only privileged operations with -Privileged' {
        $changes = Compare-AmlRbacSnapshot -BeforePath $ContosoSnapshot -AfterPath $After -Privileged

        $changes.Kind | Select-Object -Unique | Should -Be 'Operation'
        $changes | Where-Object { $_.PrincipalId -eq $SpMlops -and $_.Operation -eq 'Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action' } |
            Should -Not -BeNullOrEmpty
    }

    It 'keeps activities and deployment verdicts with -Activity' {
        $kinds = (Compare-AmlRbacSnapshot -BeforePath $ContosoSnapshot -AfterPath $After -Activity).Kind | Sort-Object -Unique

        $kinds | Should -Be @('Activity', 'ModelDeployment')
    }

    It 'shows a table that fits 120 columns' {
        $text = Compare-AmlRbacSnapshot -BeforePath $ContosoSnapshot -AfterPath $After -Privileged | Out-String -Width 120

        $text | Should -Match 'Principal\s+Asked\s+Scope\s+Before\s+After\s+Cause'
        ($text -split "`n" | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 120
    }

    It 'reads well as a list, causes and files included' {
        $text = Compare-AmlRbacSnapshot -BeforePath $ContosoSnapshot -AfterPath $After -Privileged | Select-Object -First 2 | Format-List * | Out-String -Width 120

        $text | Get-ViewProblem | Should -BeNullOrEmpty
        $text | Should -Match 'Causes\s+: \{RoleAssignment removed: AzureML Data Scientist for Erin Walsh\}'
        $text | Should -Match 'AfterSnapshot\s+: \S*contoso-after\.snapshot\.json \(sha256 [0-9a-f]'
    }

    It 'fails with SnapshotNotFound for a missing file' {
        { Compare-AmlRbacSnapshot -BeforePath $ContosoSnapshot -AfterPath (Join-Path $TestDrive 'missing.json') -ErrorAction Stop } |
            Should -Throw -ErrorId 'SnapshotNotFound,AmlRbac.PowerShell.Cmdlets.CompareAmlRbacSnapshotCommand'
    }
}
