BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $ContosoMl = '/providers/Microsoft.Management/managementGroups/contoso-ml'
}

Describe 'Get-AmlAccessEstate' {
    It 'writes one estate of the sample management group: its resources and who holds role assignment write' {
        $estate = @(Get-AmlAccessEstate -Scope $ContosoMl -Sample 3>$null)

        $estate.Count | Should -Be 1
        $estate[0].Scope | Should -BeExactly $ContosoMl
        $estate[0].Resources | Should -Contain $DevWorkspace
        $estate[0].Resources | Should -Contain $ProdWorkspace
        $holders = @($estate[0].Privileged | Where-Object Action -EQ 'Microsoft.Authorization/roleAssignments/write')
        ($holders | Where-Object PrincipalName -EQ 'Dave Kim').Decision | Should -Be 'Conditional'
        ($holders | Where-Object PrincipalName -EQ 'Frank Nguyen').Decision | Should -Be 'Eligible'
        $estate[0].Findings.Count | Should -Be 0
    }

    It 'finds an orphaned assignment and a duplicate among piped Az objects' {
        $orphan = New-AzRoleAssignmentShape -ObjectId '7d2c1f0e-93b4-4d8a-9c55-0f1e2d3c4b5a' -RoleDefinitionName 'Reader' `
            -RoleDefinitionId 'acdd72a7-3385-48ef-bd42-f606fba81ae7' -Scope $DevSubscription
        $orphan.ObjectType = 'Unknown'
        $again = New-AzRoleAssignmentShape -ObjectId $Dana -DisplayName 'Dana Ruiz' -SignInName 'dana@contoso.com' `
            -RoleDefinitionName 'AzureML Compute Operator' -RoleDefinitionId 'e503ece1-11d0-4e8e-8e2c-7a6c3bf38815' -Scope $DevWorkspace

        $estate = $DanaComputeOperator, $EveReader, $orphan, $again | Get-AmlAccessEstate -Scope $DevSubscription

        $estate.DirectoryListed | Should -BeTrue
        ($estate.Findings | Where-Object Kind -EQ 'Orphaned').PrincipalId | Should -Be '7d2c1f0e-93b4-4d8a-9c55-0f1e2d3c4b5a'
        $duplicate = $estate.Findings | Where-Object Kind -EQ 'Duplicate'
        $duplicate.AssignmentId | Should -Be $again.RoleAssignmentId
        $duplicate.OtherAssignmentId | Should -Be $DanaComputeOperator.RoleAssignmentId
    }

    It 'reads in 120 columns with no type name' {
        $text = Get-AmlAccessEstate -Scope $ContosoMl -Sample 3>$null | Out-String -Width 120

        $text | Should -Match 'Privileged'
        @($text | Get-ViewProblem) | Should -BeNullOrEmpty
    }

    It 'takes no scope from piped objects' {
        { $EveReader | Get-AmlAccessEstate } | Should -Throw
    }

    It 'is ScopeInvalid for a malformed scope' {
        { Get-AmlAccessEstate -Scope 'subscriptions/nope' -Sample 3>$null } | Should -Throw -ErrorId 'ScopeInvalid*'
    }
}
