# Get-AmlUnusedAccess: one object per assignment of the sample tenant from its activity log (samples/contoso.activity-log.json),
# the warnings that say what the log cannot show, every log shape (tests/activity-logs), the narrower role piped on to
# New-AmlCustomRole, the table view, and the error ids of a bad or missing log.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $SampleLog = Join-Path $RepositoryRoot 'samples/contoso.activity-log.json'
    $TestLogs = Join-Path $RepositoryRoot 'tests/activity-logs'
    $DevContributor = 'ece5a7bb-2829-4511-8e9f-7c4ec18941f2'
}

Describe 'Get-AmlUnusedAccess' {
    It 'writes one object per role assignment of the sample, with what to do' {
        $uses = Get-AmlUnusedAccess -Sample -ActivityLogPath $SampleLog -WarningAction SilentlyContinue

        $uses.Count | Should -Be 14
        $contributor = $uses | Where-Object AssignmentId -like "*/$DevContributor"
        $contributor.Recommendation | Should -Be 'Replace'
        $contributor.PrincipalName | Should -Be 'mlw-dev'
        $contributor.Proof.GrantsNoMore | Should -BeTrue
        $contributor.CoversUsed | Should -BeTrue
        $contributor.Used.Count | Should -Be 2
        $contributor.WindowTo | Should -Be ([DateTimeOffset]'2026-11-30T18:12:45Z')
        ($uses | Where-Object RoleName -eq 'Reader').Recommendation | Should -Be 'Review'
    }

    It 'warns what the log cannot show, and names the caller no principal matches' {
        $null = Get-AmlUnusedAccess -Sample -ActivityLogPath $SampleLog -WarningVariable warnings -WarningAction SilentlyContinue

        $warnings[0].Message | Should -Match 'Control-plane reads \(GET\) are not logged'
        $warnings[0].Message | Should -Match 'Data-plane operations'
        @($warnings | Where-Object Message -like '*mallory@fabrikam.com*').Count | Should -Be 1
        @($warnings | Where-Object Message -like '*computes/delete*').Count | Should -Be 1
    }

    It 'reads a snapshot file and every log shape' -ForEach @(
        @{ File = 'azureactivity.csv' }, @{ File = 'azureactivity.json' }, @{ File = 'get-azactivitylog.json' }
    ) {
        $uses = Get-AmlUnusedAccess -SnapshotPath $ContosoSnapshot -ActivityLogPath (Join-Path $TestLogs $File) -WarningAction SilentlyContinue

        # Alice's compute creation in mlw-dev is granted by the data scientists' Compute Operator assignment there.
        $operator = $uses | Where-Object AssignmentId -like '*/fd26bb99-e26d-49cf-9527-0fa5155aa62d'
        $operator.Used | Should -Match '^Microsoft.MachineLearningServices/workspaces/computes/write \(1 time'
    }

    It 'gives a replacement New-AmlCustomRole writes to a role file' {
        $contributor = Get-AmlUnusedAccess -Sample -ActivityLogPath $SampleLog -WarningAction SilentlyContinue | Where-Object AssignmentId -like "*/$DevContributor"
        $path = Join-Path $TestDrive 'narrowed.json'

        $null = $contributor.Replacement | New-AmlCustomRole -OutFile $path -WarningAction SilentlyContinue

        $role = Get-Content -LiteralPath $path -Raw | ConvertFrom-Json
        $role.Name | Should -Be 'Contributor (used)'
        $role.Permissions[0].Actions | Should -Contain 'Microsoft.KeyVault/vaults/secrets/write'
        $role.Permissions[0].Actions | Should -Not -Contain '*'
    }

    It 'shows a table of recommendation, principal, role and scope' {
        $text = Get-AmlUnusedAccess -Sample -ActivityLogPath $SampleLog -WarningAction SilentlyContinue | Out-String -Width 120

        $text | Should -Match 'Recommendation\s+Principal\s+Role\s+Scope\s+Used\s+NeverUsed'
        $text | Should -Match 'Replace\s+mlw-dev\s+Contributor'
    }

    It 'fails with ActivityLogInvalid for a bad log and ActivityLogNotFound for a missing one' {
        $bad = Join-Path $TestDrive 'bad.json'
        Set-Content -LiteralPath $bad -Value '[ { "caller": "alice@contoso.com", "eventTimestamp": "soon" } ]'

        { Get-AmlUnusedAccess -Sample -ActivityLogPath $bad } | Should -Throw -ErrorId 'ActivityLogInvalid,AmlRbac.PowerShell.Cmdlets.GetAmlUnusedAccessCommand'
        { Get-AmlUnusedAccess -Sample -ActivityLogPath (Join-Path $TestDrive 'missing.json') } | Should -Throw -ErrorId 'ActivityLogNotFound,AmlRbac.PowerShell.Cmdlets.GetAmlUnusedAccessCommand'
    }
}
