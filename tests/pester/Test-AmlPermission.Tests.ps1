BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $Cases = @(Get-SharedCase)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    function Invoke-Case {
        # A shared case's question as Test-AmlPermission parameters ("contoso": the sample snapshot; "none": no source).
        param($Case, [switch] $Detailed)
        $query = $Case.query
        $arguments = @{ Action = $query.action; DataAction = [bool] $query.isDataAction; Detailed = [bool] $Detailed }
        if ($query.kind -eq 'role') {
            $arguments.RoleName = $query.role
        }
        else {
            $arguments.PrincipalId = $query.principal
            $arguments.Scope = $query.scope
        }
        if ($Case.snapshot -eq 'contoso') {
            $arguments.LiteralSnapshotPath = $ContosoSnapshot
        }
        Test-AmlPermission @arguments
    }

    function Get-ErrorId {
        # The FullyQualifiedErrorId of the terminating error a script block throws.
        param([scriptblock] $ScriptBlock)
        ($ScriptBlock | Should -Throw -PassThru).FullyQualifiedErrorId
    }
}

Describe 'Test-AmlPermission answers the shared cases' {
    It '<File>: <Name>' -ForEach $Cases {
        $decision = @(Invoke-Case -Case $Case -Detailed)

        $decision.Count | Should -Be 1
        $decision[0].GetType().FullName | Should -BeExactly 'AmlRbac.PowerShell.Output.AmlPermissionDecision'
        $decision[0].Decision.ToString() | Should -BeExactly $Case.expected.decision
        foreach ($expected in @($Case.expected.reasons | Where-Object { $null -ne $_ })) {
            $fields = @($expected.PSObject.Properties)
            $matching = @($decision[0].Reasons | Where-Object {
                    $reason = $_
                    @($fields | Where-Object { "$($reason.($_.Name))" -ne "$($_.Value)" }).Count -eq 0
                })
            $matching.Count | Should -BeGreaterThan 0 -Because "a reason with $(($fields | ForEach-Object { "$($_.Name)=$($_.Value)" }) -join ', ') is expected"
        }
    }

    It '<File>: <Name>, as true or false' -ForEach $Cases {
        Invoke-Case -Case $Case | Should -Be ($Case.expected.decision -eq 'Allowed')
    }
}

Describe 'Test-AmlPermission asks about operations and activities' {
    It 'is true only when every operation is allowed' {
        Test-AmlPermission -PrincipalId $Alice -Scope $DevWorkspace -Action $ComputeWrite -LiteralSnapshotPath $ContosoSnapshot | Should -BeTrue
        Test-AmlPermission -PrincipalId $Alice -Scope $DevWorkspace -Action $ComputeWrite, 'Microsoft.Authorization/roleAssignments/write' -LiteralSnapshotPath $ContosoSnapshot | Should -BeFalse
    }

    It 'decides an activity from the operations it requires' {
        Test-AmlPermission -PrincipalId $Alice -Scope $DevWorkspace -Activity CreateComputeCluster -LiteralSnapshotPath $ContosoSnapshot | Should -BeTrue
        Test-AmlPermission -PrincipalId $Alice -Scope $ProdWorkspace -Activity CreateComputeCluster -LiteralSnapshotPath $ContosoSnapshot | Should -BeFalse
    }

    It 'answers operations first, then activities, with -Detailed' {
        $decisions = @(Test-AmlPermission -PrincipalId $Alice -Scope $ProdWorkspace -Action $ComputeWrite -Activity CreateComputeCluster -Detailed -LiteralSnapshotPath $ContosoSnapshot)

        $decisions.Count | Should -Be 2
        $decisions[0].Action | Should -Be $ComputeWrite
        $decisions[1].Activity | Should -Be 'CreateComputeCluster'
        $decisions[1].MissingActions | Should -Contain $ComputeWrite
        $decisions[1].WouldBeGrantedBy | Should -Contain 'AzureML Compute Operator'
    }

    It 'names the principal by user principal name and shows the path of the grant' {
        $decision = Test-AmlPermission -PrincipalId 'alice@contoso.com' -Scope $DevWorkspace -Action $ComputeWrite -Detailed -LiteralSnapshotPath $ContosoSnapshot

        $decision.PrincipalId | Should -Be $Alice
        $decision.PrincipalName | Should -Be 'Alice Chen'
        $decision.GrantedBy | Should -Be 'AzureML Compute Operator'
        $decision.ViaGroup | Should -Be 'ml-data-scientists'
        $decision.GrantScope | Should -Be $DevWorkspace
        $decision.Explanation | Should -Not -BeNullOrEmpty
    }

    It 'shows the deny assignment that blocks an operation' {
        $decision = Test-AmlPermission -PrincipalId $SpMlops -Scope $ProdWorkspace -Action $ComputeDelete -Detailed -LiteralSnapshotPath $ContosoSnapshot

        $decision.Decision.ToString() | Should -Be 'Denied'
        $decision.GrantedBy | Should -Be 'Deny delete: deployment stack ml-prod-platform'
    }

    It 'tests a role object as New-AmlCustomRole writes it' {
        $role = New-AmlCustomRole -Name 'Compute Creator' -Activity CreateComputeCluster -AssignableScope $DevSubscription

        Test-AmlPermission -RoleDefinition $role -Activity CreateComputeCluster | Should -BeTrue
        Test-AmlPermission -RoleDefinition $role -Action $ComputeDelete | Should -BeFalse
    }

    It 'tests a role given by name, alone, without a source and without a warning' {
        Test-AmlPermission -RoleName 'AzureML Compute Operator' -Action $ComputeWrite -WarningVariable warnings | Should -BeTrue
        $warnings.Count | Should -Be 0
    }

    It 'completes operation names, with Azure''s description as the tooltip' {
        $line = 'Test-AmlPermission -Action Microsoft.MachineLearningServices/workspaces/computes/wr'
        $found = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches

        $found.CompletionText | Should -Be @($ComputeWrite)
        $found[0].ToolTip | Should -Not -Be $ComputeWrite
        $found[0].ToolTip | Should -Not -BeNullOrEmpty
    }

    It 'completes built-in role names, quoted when they hold a space' {
        $line = 'Test-AmlPermission -RoleName AzureML'
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText

        $completions | Should -Contain "'AzureML Data Scientist'"
        $completions | Should -Not -Contain "'Reader'"
        $completions | Should -Not -Contain 'Reader'
    }

    It 'completes activity names' {
        $line = 'Test-AmlPermission -Activity CreateComp'
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText

        $completions | Should -Contain 'CreateComputeCluster'
        $completions | Should -Not -Contain 'SubmitRunV2'
    }
}

Describe 'Test-AmlPermission knows data actions from the catalog' {
    BeforeAll {
        # storage.md lists blob read after "| **DataAction** |": no control-plane wildcard reaches it.
        $BlobRead = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'
        $StorageAccount = '/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev/providers/Microsoft.Storage/storageAccounts/stmldevdata'
    }

    It 'answers NotGranted for alice, who holds Reader, reading a blob, and says it is a data action' {
        Test-AmlPermission -PrincipalId alice@contoso.com -Scope $StorageAccount -Action 'Microsoft.Storage/storageAccounts/read' -LiteralSnapshotPath $ContosoSnapshot | Should -BeTrue
        $decision = Test-AmlPermission -PrincipalId alice@contoso.com -Scope $StorageAccount -Action $BlobRead -LiteralSnapshotPath $ContosoSnapshot -Detailed

        $decision.Decision.ToString() | Should -Be 'NotGranted'
        $decision.IsDataAction | Should -BeTrue
        $decision.WouldBeGrantedBy[0] | Should -Be 'Storage Blob Data Reader'
    }

    It 'answers Reader no and Storage Blob Data Reader yes, without -DataAction' {
        Test-AmlPermission -RoleName Reader -Action $BlobRead | Should -BeFalse
        Test-AmlPermission -RoleName 'Storage Blob Data Reader' -Action $BlobRead | Should -BeTrue
    }

    It 'warns about an operation the catalog does not list, with the closest names' {
        $allowed = Test-AmlPermission -RoleName Reader -Action 'Microsoft.Storag/storageAccounts/read' -WarningVariable warnings -WarningAction SilentlyContinue

        $allowed | Should -BeTrue
        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -Match "unknown to the catalog"
        $warnings[0].Message | Should -Match "Did you mean 'Microsoft.Storage/storageAccounts/read'"
    }

    It 'warns that -DataAction does not change a catalog control action' {
        $null = Test-AmlPermission -RoleName Reader -Action 'Microsoft.Storage/storageAccounts/read' -DataAction -WarningVariable warnings -WarningAction SilentlyContinue

        $warnings[0].Message | Should -Match 'is a control action in the catalog'
    }

    It 'finds a renamed built-in role by its former name' {
        (Test-AmlPermission -RoleName 'Azure AI User' -Action 'Microsoft.CognitiveServices/accounts/read' -Detailed).RoleName | Should -Be 'Foundry User'
    }
}

Describe 'Test-AmlPermission sources' {
    It 'says with -Verbose what it read' {
        $snapshot = Get-Content -LiteralPath $ContosoSnapshot -Raw | ConvertFrom-Json
        # Eligible (PIM) assignments are role assignments too, marked eligible.
        $assignments = $snapshot.roleAssignments.Count + $snapshot.roleEligibilityScheduleInstances.Count

        $verbose = Test-AmlPermission -PrincipalId $Alice -Scope $DevWorkspace -Action $ComputeWrite -LiteralSnapshotPath $ContosoSnapshot -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

        "$verbose" | Should -BeLike "Read $ContosoSnapshot`: $assignments role assignments, $($snapshot.roleDefinitions.Count) role definitions*, $($snapshot.denyAssignments.Count) deny assignments, $($snapshot.principals.Count) principals, $($snapshot.groups.Count) groups*, $($snapshot.policyAssignments.Count) policy assignments, $($snapshot.policyExemptions.Count) policy exemption*"
    }

    It 'says with -Verbose what it read from piped objects' {
        $verbose = $DanaComputeOperator, $EveReader | Test-AmlPermission -PrincipalId $Dana -Scope $DevWorkspace -Action $ComputeWrite -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

        "$verbose" | Should -BeLike 'Read piped objects: 2 role assignments, 0 role definitions (0 custom), 0 deny assignments, 2 principals*'
    }

    It 'refuses a principal question with no tenant, saying how to give one (TenantMissing)' {
        $thrown = { Test-AmlPermission -PrincipalId $Alice -Scope $DevWorkspace -Action $ComputeWrite } |
            Should -Throw -ErrorId 'TenantMissing,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand' -PassThru
        $thrown.Exception.Message | Should -BeLike 'No tenant to answer from: give -SnapshotPath, pipe Get-AzRoleAssignment output, add -Live, or add -Sample*'
        $thrown.CategoryInfo.Category.ToString() | Should -Be 'InvalidArgument'
    }

    It 'answers from the built-in sample tenant with -Sample, without a warning' {
        Test-AmlPermission -Sample -PrincipalId $Alice -Scope $DevWorkspace -Action $ComputeWrite -WarningVariable warnings | Should -BeTrue
        $warnings.Count | Should -Be 0
    }

    It 'refuses -Sample with a snapshot: one source' {
        { Test-AmlPermission -Sample -LiteralSnapshotPath $ContosoSnapshot -PrincipalId $Alice -Scope $DevWorkspace -Action $ComputeWrite } |
            Should -Throw -ErrorId 'SourceConflict,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }

    It 'expands a wildcard in -SnapshotPath' {
        Test-AmlPermission -PrincipalId $Alice -Scope $DevWorkspace -Action $ComputeWrite -SnapshotPath (Join-Path $RepositoryRoot 'samples/contoso.snap*.json') | Should -BeTrue
    }

    It 'resolves a relative snapshot path against the current location' {
        Push-Location -LiteralPath $RepositoryRoot
        try {
            Test-AmlPermission -PrincipalId $Alice -Scope $DevWorkspace -Action $ComputeWrite -SnapshotPath 'samples/contoso.snapshot.json' | Should -BeTrue
        }
        finally {
            Pop-Location
        }
    }
}

Describe 'Test-AmlPermission with Get-AzRoleAssignment output piped in' {
    It 'answers from the piped assignments, with no warning' {
        $DanaComputeOperator, $EveReader | Test-AmlPermission -PrincipalId $Dana -Scope $DevWorkspace -Action $ComputeWrite -WarningVariable warnings | Should -BeTrue
        $warnings.Count | Should -Be 0
    }

    It 'grants nothing to a principal the piped assignments do not name' {
        $DanaComputeOperator | Test-AmlPermission -PrincipalId $Alice -Scope $DevWorkspace -Action $ComputeWrite | Should -BeFalse
    }

    It 'knows the principal by the sign-in name the assignment carries' {
        $decision = $DanaComputeOperator | Test-AmlPermission -PrincipalId 'dana@contoso.com' -Scope $DevWorkspace -Action $ComputeWrite -Detailed

        $decision.PrincipalId | Should -Be $Dana
        $decision.PrincipalName | Should -Be 'Dana Ruiz'
    }

    It 'asks about every piped principal at its assignment scope when -PrincipalId and -Scope are not given' {
        $decisions = @($DanaComputeOperator, $EveReader | Test-AmlPermission -Action $ComputeWrite -Detailed)

        $decisions.Count | Should -Be 2
        ($decisions | Where-Object PrincipalId -EQ $Dana).Decision.ToString() | Should -Be 'Allowed'
        ($decisions | Where-Object PrincipalId -EQ $Eve).Decision.ToString() | Should -Be 'NotGranted'
        ($decisions | Where-Object PrincipalId -EQ $Eve).Scope | Should -Be $DevSubscription
    }

    It 'reports an object that is no Az object and still answers from the others' {
        $answer = $DanaComputeOperator, [pscustomobject]@{ Foo = 1 } |
            Test-AmlPermission -PrincipalId $Dana -Scope $DevWorkspace -Action $ComputeWrite -ErrorVariable problems -ErrorAction SilentlyContinue

        $answer | Should -BeTrue
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeExactly 'InputObjectInvalid,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
        $problems[0].CategoryInfo.Category.ToString() | Should -Be 'InvalidArgument'
    }

    It 'takes an array given to -InputObject as the same objects piped' {
        Test-AmlPermission -InputObject @($DanaComputeOperator, $EveReader) -PrincipalId $Eve -Scope $DevWorkspace -Action 'Microsoft.MachineLearningServices/workspaces/read' | Should -BeTrue
    }
}

Describe 'Test-AmlPermission with a role definition piped alone' {
    # Help example 5's promise: a role object answers for that role alone, with no tenant.
    It 'answers for a <Shape> role definition alone' -ForEach @(
        @{ Shape = 'Get-AzRoleDefinition'; Role = $ComputeCreatorAz }
        @{ Shape = 'az role definition list'; Role = $ComputeCreatorCli }
    ) {
        $Role | Test-AmlPermission -Action $ComputeWrite -WarningVariable warnings | Should -BeTrue
        $Role | Test-AmlPermission -Action $ComputeDelete | Should -BeFalse
        $warnings.Count | Should -Be 0
    }

    It 'names the role in each decision, for operations and activities' {
        $decisions = @($ComputeCreatorAz | Test-AmlPermission -Action $ComputeWrite -Activity CreateComputeCluster -Detailed)

        $decisions.Count | Should -Be 2
        $decisions.RoleName | Should -Be @('Compute Creator', 'Compute Creator')
        $decisions[0].Decision.ToString() | Should -Be 'Allowed'
        $decisions[0].PrincipalId | Should -BeNullOrEmpty
    }

    It 'answers each of several piped roles' {
        $reader = [pscustomobject]@{ Name = 'Reads'; Id = [guid]::NewGuid().ToString(); IsCustom = $true; Actions = @('*/read'); NotActions = @(); DataActions = @(); NotDataActions = @(); AssignableScopes = @($DevSubscription) }

        $ComputeCreatorAz, $reader | Test-AmlPermission -Action $ComputeWrite | Should -Be @($true, $false)
    }

    It 'takes piped role definitions as tenant data when a piped assignment names a principal' {
        # The role assignment names Dana and a custom role the piped definition defines.
        $assignment = New-AzRoleAssignmentShape -ObjectId $Dana -DisplayName 'Dana Ruiz' -SignInName 'dana@contoso.com' `
            -RoleDefinitionName 'Compute Creator' -RoleDefinitionId $ComputeCreatorId -Scope $DevWorkspace

        $decisions = @($ComputeCreatorAz, $assignment | Test-AmlPermission -Action $ComputeWrite -Detailed)

        $decisions.Count | Should -Be 1
        $decisions[0].PrincipalId | Should -Be $Dana
        $decisions[0].Decision.ToString() | Should -Be 'Allowed'
        $decisions[0].GrantedBy | Should -Be 'Compute Creator'
    }

    It 'reports a piped object that is no Az object and answers for the piped role' {
        $answers = @($ComputeCreatorAz, [pscustomobject]@{ Foo = 1 } | Test-AmlPermission -Action $ComputeWrite -ErrorVariable problems -ErrorAction SilentlyContinue)

        $answers | Should -Be @($true)
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeExactly 'InputObjectInvalid,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }

    It 'refuses -Scope with a role piped alone, as a role alone has no scope' {
        { $ComputeCreatorAz | Test-AmlPermission -Scope $DevWorkspace -Action $ComputeWrite } |
            Should -Throw -ErrorId 'ParameterCombinationInvalid,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }

    It 'says what to give when nothing names a principal or a role' {
        $thrown = { Test-AmlPermission -Action $ComputeWrite } | Should -Throw -ErrorId 'SubjectMissing,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand' -PassThru
        $thrown.Exception.Message | Should -BeLike 'No principal or role was given: name -PrincipalId with -Scope, -RoleName or -RoleDefinition, or pipe*'
    }

    It 'says -Scope is missing when only -PrincipalId is given' {
        $thrown = { Test-AmlPermission -PrincipalId $Alice -Action $ComputeWrite -LiteralSnapshotPath $ContosoSnapshot } |
            Should -Throw -ErrorId 'SubjectMissing,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand' -PassThru
        $thrown.Exception.Message | Should -BeLike "-PrincipalId $Alice was given without -Scope*"
    }

    It 'says so when the piped objects name no principal and no role' {
        $policy = [pscustomobject]@{ Foo = 1 }
        { $policy | Test-AmlPermission -Action $ComputeWrite -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'SubjectMissing,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }

    It 'says what is missing when neither -Action nor -Activity is given' {
        { Test-AmlPermission -RoleName Reader } | Should -Throw -ErrorId 'ActionMissing,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }

    It 'writes nothing when the upstream command lists nothing' {
        @() | Test-AmlPermission -Action $ComputeWrite | Should -BeNullOrEmpty
    }
}

Describe 'Test-AmlPermission says when an answer is neither yes nor no' {
    BeforeAll {
        $Frank = '2534770b-545c-4579-9733-258a6602b0d0'   # eligible (PIM) for Owner on the prod workspace
        $DaveId = 'b1179b1a-7e6d-4df4-bed1-e312b1de3932'   # may assign roles there under an ABAC condition
    }

    It 'returns $false for Eligible with a warning naming the outcome and the eligible assignment' {
        Test-AmlPermission -LiteralSnapshotPath $ContosoSnapshot -PrincipalId $Frank -Scope $ProdWorkspace -Action $ComputeWrite -WarningVariable warnings -WarningAction SilentlyContinue |
            Should -BeFalse

        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "*$ComputeWrite is Eligible, not Allowed:*Owner*"
    }

    It 'fails with -Strict, with an error id per outcome' -ForEach @(
        @{ Principal = '2534770b-545c-4579-9733-258a6602b0d0'; Action = 'Microsoft.MachineLearningServices/workspaces/computes/write'; ErrorId = 'PermissionEligible' }
        @{ Principal = 'b1179b1a-7e6d-4df4-bed1-e312b1de3932'; Action = 'Microsoft.Authorization/roleAssignments/write'; ErrorId = 'PermissionConditional' }
    ) {
        $thrown = { Test-AmlPermission -LiteralSnapshotPath $ContosoSnapshot -PrincipalId $Principal -Scope $ProdWorkspace -Action $Action -Strict } |
            Should -Throw -ErrorId "$ErrorId,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand" -PassThru
        $thrown.CategoryInfo.Category.ToString() | Should -Be 'PermissionDenied'
    }

    It 'fails with -Strict for an Unknown model deployment' {
        # RBAC allows Dana to deploy; an enforced assignment of a custom definition that was not piped could deny
        # it and cannot be evaluated, so the answer is Unknown.
        $danaDataScientist = New-AzRoleAssignmentShape -ObjectId $Dana -DisplayName 'Dana Ruiz' -SignInName 'dana@contoso.com' `
            -RoleDefinitionName 'AzureML Data Scientist' -RoleDefinitionId 'f6c7c914-8db3-469d-8ca1-694a8f32e121' -Scope $ProdWorkspace
        $prodSubscription = '/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0'
        $unknownDefinition = [pscustomobject]@{
            Id                 = "$prodSubscription/providers/Microsoft.Authorization/policyAssignments/custom-models"
            Name               = 'custom-models'
            Type               = 'Microsoft.Authorization/policyAssignments'
            Scope              = $prodSubscription
            NotScope           = @()
            PolicyDefinitionId = "$prodSubscription/providers/Microsoft.Authorization/policyDefinitions/not-piped"
            EnforcementMode    = 'Default'
        }
        $piped = $danaDataScientist, $unknownDefinition

        ($piped | Test-AmlPermission -PrincipalId $Dana -Scope $ProdWorkspace -Activity DeployModel -Model $Phi -Detailed).Decision.ToString() | Should -Be 'Unknown'
        { $piped | Test-AmlPermission -PrincipalId $Dana -Scope $ProdWorkspace -Activity DeployModel -Model $Phi -Strict } |
            Should -Throw -ErrorId 'PermissionUnknown,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }

    It 'writes no warning for Allowed or NotGranted, with or without -Strict' {
        Test-AmlPermission -LiteralSnapshotPath $ContosoSnapshot -PrincipalId $Alice -Scope $ProdWorkspace -Action $ComputeWrite -Strict -WarningVariable warnings | Should -BeFalse
        Test-AmlPermission -LiteralSnapshotPath $ContosoSnapshot -PrincipalId $Alice -Scope $DevWorkspace -Action $ComputeWrite -Strict -WarningVariable more | Should -BeTrue
        ($warnings.Count + $more.Count) | Should -Be 0
    }
}

Describe 'Test-AmlPermission error ids' {
    It 'ScopeInvalid for a scope that is not one' {
        Get-ErrorId { Test-AmlPermission -PrincipalId $Alice -Scope 'rg-ml-dev' -Action $ComputeWrite -LiteralSnapshotPath $ContosoSnapshot } |
            Should -BeExactly 'ScopeInvalid,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }

    It 'ActionUnknown for a misspelled Azure ML operation' {
        Get-ErrorId { Test-AmlPermission -PrincipalId $Alice -Scope $DevWorkspace -Action 'Microsoft.MachineLearningServices/workspaces/computes/wirte' -LiteralSnapshotPath $ContosoSnapshot } |
            Should -BeExactly 'ActionUnknown,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }

    It 'ActionInvalid for a wildcard' {
        Get-ErrorId { Test-AmlPermission -PrincipalId $Alice -Scope $DevWorkspace -Action 'Microsoft.MachineLearningServices/*' -LiteralSnapshotPath $ContosoSnapshot } |
            Should -BeExactly 'ActionInvalid,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }

    It 'ActivityUnknown for an activity the catalog does not hold' {
        Get-ErrorId { Test-AmlPermission -PrincipalId $Alice -Scope $DevWorkspace -Activity 'CreateComputeClustr' -LiteralSnapshotPath $ContosoSnapshot } |
            Should -BeExactly 'ActivityUnknown,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }

    It 'RoleNotFound for a role that does not exist' {
        Get-ErrorId { Test-AmlPermission -RoleName 'AzureML Data Scientst' -Action $ComputeWrite } |
            Should -BeExactly 'RoleNotFound,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }

    It 'RoleDefinitionInvalid for a role object that is not a role' {
        Get-ErrorId { Test-AmlPermission -RoleDefinition $DanaComputeOperator -Action $ComputeWrite } |
            Should -BeExactly 'RoleDefinitionInvalid,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }

    It 'PrincipalNotFound for a name the source does not list' {
        Get-ErrorId { Test-AmlPermission -PrincipalId 'nobody@contoso.com' -Scope $DevWorkspace -Action $ComputeWrite -LiteralSnapshotPath $ContosoSnapshot } |
            Should -BeExactly 'PrincipalNotFound,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }

    It 'SnapshotInvalid for a file that is not a snapshot' {
        $broken = Join-Path $TestDrive 'broken.json'
        Set-Content -LiteralPath $broken -Value '{ "roleAssignments": [ '

        Get-ErrorId { Test-AmlPermission -PrincipalId $Alice -Scope $DevWorkspace -Action $ComputeWrite -LiteralSnapshotPath $broken } |
            Should -BeExactly 'SnapshotInvalid,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }

    It 'SnapshotNotFound for a file that does not exist' {
        Get-ErrorId { Test-AmlPermission -PrincipalId $Alice -Scope $DevWorkspace -Action $ComputeWrite -SnapshotPath (Join-Path $TestDrive 'missing.json') } |
            Should -BeExactly 'SnapshotNotFound,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }

    It 'SourceConflict for piped objects and a snapshot together' {
        Get-ErrorId { $DanaComputeOperator | Test-AmlPermission -PrincipalId $Dana -Scope $DevWorkspace -Action $ComputeWrite -LiteralSnapshotPath $ContosoSnapshot } |
            Should -BeExactly 'SourceConflict,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }

    It 'a principal of many that cannot be answered is reported and the others are answered' {
        $subjects = [pscustomobject]@{ ObjectId = 'nobody@contoso.com' }, [pscustomobject]@{ ObjectId = $Alice }
        $answers = @($subjects | Test-AmlPermission -Scope $DevWorkspace -Action $ComputeWrite -SnapshotPath $ContosoSnapshot -ErrorVariable problems -ErrorAction SilentlyContinue)

        $answers.Count | Should -Be 1
        $answers[0] | Should -BeTrue
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeExactly 'PrincipalNotFound,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }
}

Describe 'Test-AmlPermission -Model combines RBAC and Azure Policy' {
    # The sample tenant: 'Model deployments only from registry azureml' (19539b54) at the contoso-ml management group,
    # tiiuae-falcon-7b restricted, rg-ml-dev left out; a DoNotEnforce copy on the dev subscription; the exemption
    # falcon-pilot on mlw-prod.
    It 'denies falcon in production though RBAC allows it, and says which layer and assignment' {
        $decision = Test-AmlPermission -PrincipalId $Alice -Scope $ProdWorkspace -Activity DeployModel -Model $Falcon -LiteralSnapshotPath $ContosoSnapshot -Detailed

        $decision.Decision.ToString() | Should -BeExactly 'Denied'
        $decision.RbacDecision.ToString() | Should -BeExactly 'Allowed'
        $decision.DecidedBy | Should -BeExactly 'Policy'
        $decision.GrantedBy | Should -BeExactly 'Model deployments only from registry azureml'
        $decision.PolicyReasons[0].Kind.ToString() | Should -BeExactly 'PolicyDeny'
        $decision.PolicyReasons[0].Layer.ToString() | Should -BeExactly 'Policy'
    }

    It 'allows another azureml model and denies a model of another registry' {
        Test-AmlPermission -PrincipalId $Alice -Scope $ProdWorkspace -Activity DeployModel -Model $Phi -LiteralSnapshotPath $ContosoSnapshot | Should -BeTrue
        Test-AmlPermission -PrincipalId $Alice -Scope $ProdWorkspace -Activity DeployModel -Model $MetaLlama -LiteralSnapshotPath $ContosoSnapshot | Should -BeFalse
    }

    It 'reports the DoNotEnforce assignment in dev without denying' {
        $decision = Test-AmlPermission -PrincipalId $Alice -Scope $DevWorkspace -Activity DeployModel -Model $Falcon -LiteralSnapshotPath $ContosoSnapshot -Detailed

        $decision.Decision.ToString() | Should -BeExactly 'Allowed'
        @($decision.PolicyReasons | ForEach-Object { $_.Kind.ToString() }) | Should -Contain 'PolicyDoNotEnforce'
    }

    It 'sets the exemption aside by default and honours it with -ExemptionHandling Honour' {
        Test-AmlPermission -PrincipalId $Alice -Scope $ProdWorkspace -Activity DeployModel -Model $Falcon -LiteralSnapshotPath $ContosoSnapshot | Should -BeFalse
        Test-AmlPermission -PrincipalId $Alice -Scope $ProdWorkspace -Activity DeployModel -Model $Falcon -ExemptionHandling Honour -LiteralSnapshotPath $ContosoSnapshot | Should -BeTrue
    }

    It 'fails with ModelWithoutDeployment when no activity deploys' {
        $errorId = Get-ErrorId { Test-AmlPermission -PrincipalId $Alice -Scope $ProdWorkspace -Activity SubmitRunV2 -Model $Falcon -LiteralSnapshotPath $ContosoSnapshot }

        $errorId | Should -BeExactly 'ModelWithoutDeployment,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }

    It 'fails with ModelAssetIdInvalid for an id that is no asset id' {
        $errorId = Get-ErrorId { Test-AmlPermission -PrincipalId $Alice -Scope $ProdWorkspace -Activity DeployModel -Model 'tiiuae-falcon-7b' -LiteralSnapshotPath $ContosoSnapshot }

        $errorId | Should -BeExactly 'ModelAssetIdInvalid,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }
}

Describe 'Test-AmlPermission -Model with Get-AzPolicyAssignment output piped in' {
    BeforeAll {
        # Dana is an AzureML Data Scientist in production (RBAC allows deployments); the registry restriction
        # (built-in 19539b54) is assigned on the production subscription as Get-AzPolicyAssignment (Az.Resources 7+)
        # writes it: flat, singular Parameter and NotScope.
        $prodSubscription = '/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0'
        $danaDataScientist = New-AzRoleAssignmentShape -ObjectId $Dana -DisplayName 'Dana Ruiz' -SignInName 'dana@contoso.com' `
            -RoleDefinitionName 'AzureML Data Scientist' -RoleDefinitionId 'f6c7c914-8db3-469d-8ca1-694a8f32e121' -Scope $ProdWorkspace
        $registryOnly = [pscustomobject]@{
            Id                 = "$prodSubscription/providers/Microsoft.Authorization/policyAssignments/restrict-model-registry"
            Name               = 'restrict-model-registry'
            Type               = 'Microsoft.Authorization/policyAssignments'
            DisplayName        = 'Model deployments only from registry azureml'
            Scope              = $prodSubscription
            NotScope           = @()
            PolicyDefinitionId = '/providers/Microsoft.Authorization/policyDefinitions/19539b54-c61e-4196-9a38-67598701be90'
            Parameter          = [pscustomobject]@{
                allowedRegistryName = [pscustomobject]@{ value = 'azureml' }
                restrictedModels    = [pscustomobject]@{ value = @($Falcon) }
                effect              = [pscustomobject]@{ value = 'Deny' }
            }
            EnforcementMode    = 'Default'
        }
    }

    It 'denies the restricted model and allows another model of the allowed registry' {
        $danaDataScientist, $registryOnly | Test-AmlPermission -PrincipalId $Dana -Scope $ProdWorkspace -Activity DeployModel -Model $Falcon | Should -BeFalse
        $danaDataScientist, $registryOnly | Test-AmlPermission -PrincipalId $Dana -Scope $ProdWorkspace -Activity DeployModel -Model $Phi | Should -BeTrue
    }

    It 'says the policy layer decided, naming the piped assignment' {
        $decision = $danaDataScientist, $registryOnly |
            Test-AmlPermission -PrincipalId $Dana -Scope $ProdWorkspace -Activity DeployModel -Model $Falcon -Detailed

        $decision.Decision.ToString() | Should -BeExactly 'Denied'
        $decision.RbacDecision.ToString() | Should -BeExactly 'Allowed'
        $decision.DecidedBy | Should -BeExactly 'Policy'
        $decision.GrantedBy | Should -BeExactly 'Model deployments only from registry azureml'
    }
}

Describe 'Test-AmlPermission keeps the last snapshot read for the session' {
    BeforeAll {
        $workspace = '/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev'
        $snapshot = Join-Path $TestDrive 'cached.snapshot.json'
        Copy-Item -LiteralPath $ContosoSnapshot -Destination $snapshot
        function Ask {
            # The decision and the verbose lines of one question on the copied snapshot.
            $records = @(Test-AmlPermission -PrincipalId alice@contoso.com -Scope $workspace -Activity CreateComputeCluster -LiteralSnapshotPath $snapshot -Detailed -Verbose 4>&1)
            [pscustomobject]@{
                Decision = ($records | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).Decision.ToString()
                FromCache = [bool] ($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'from cache' })
            }
        }
    }

    It 'reads the file once, answers the second question from the cache, and reads it again when it changes' {
        $first = Ask
        $second = Ask
        $first.Decision | Should -BeExactly 'Allowed'
        $second.Decision | Should -BeExactly 'Allowed'
        $second.FromCache | Should -BeTrue

        # alice@contoso.com is now another principal, with no assignment: an answer from the stale cache would still be Allowed.
        $text = (Get-Content -LiteralPath $snapshot -Raw) -replace '"id": "f654bbdb-76f3-4d0a-8bc9-337e384a70b8", "type": "User"', '"id": "f654bbdb-76f3-4d0a-8bc9-000000000000", "type": "User"'
        $text | Should -Match 'f654bbdb-76f3-4d0a-8bc9-000000000000'
        Set-Content -LiteralPath $snapshot -Value $text -NoNewline
        (Get-Item -LiteralPath $snapshot).LastWriteTimeUtc = [datetime]::UtcNow.AddMinutes(1)
        $changed = Ask
        $changed.FromCache | Should -BeFalse
        $changed.Decision | Should -Not -BeExactly 'Allowed'
    }
}

Describe 'Test-AmlPermission says Unknown for what the source does not hold (issue #13 section 3)' {
    BeforeAll {
        $MissingRoleId = 'deadbeef-0000-4000-8000-000000000001'
        $DanaCustom = New-AzRoleAssignmentShape -ObjectId $Dana -DisplayName 'Dana Ruiz' -SignInName 'dana@contoso.com' `
            -RoleDefinitionName 'Compute Creator' -RoleDefinitionId $MissingRoleId -Scope $DevWorkspace
        $Team = '9a000000-0000-4000-8000-000000000010'
        $TeamComputeOperator = New-AzRoleAssignmentShape -ObjectId $Team -DisplayName 'ml-team' `
            -RoleDefinitionName 'AzureML Compute Operator' -RoleDefinitionId 'e503ece1-11d0-4e8e-8e2c-7a6c3bf38815' -Scope $DevWorkspace
        $TeamComputeOperator.ObjectType = 'Group'
        $Typo = $DevWorkspace -replace 'mlw-dev$', 'mlw-dve'
    }

    It 'a custom role assignment piped without its definition is Unknown, $false with a warning naming the assignment and the role' {
        $DanaCustom | Test-AmlPermission -PrincipalId $Dana -Scope $DevWorkspace -Action $ComputeWrite -WarningVariable warnings -WarningAction SilentlyContinue |
            Should -BeFalse
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -Match 'is Unknown, not Allowed'
        "$($warnings[0])" | Should -Match $MissingRoleId
        "$($warnings[0])" | Should -Match ([regex]::Escape($DanaCustom.RoleAssignmentId))
        "$($warnings[0])" | Should -Match 'Get-AzRoleDefinition'
        ($DanaCustom | Test-AmlPermission -PrincipalId $Dana -Scope $DevWorkspace -Action $ComputeWrite -Detailed -WarningAction SilentlyContinue).Decision |
            Should -Be 'Unknown'
        { $DanaCustom | Test-AmlPermission -PrincipalId $Dana -Scope $DevWorkspace -Action $ComputeWrite -Strict } |
            Should -Throw -ErrorId 'PermissionUnknown,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }

    It 'the same assignment piped with its definition is answered' {
        $role = $ComputeCreatorAz.PSObject.Copy()
        $role.Id = $MissingRoleId
        $DanaCustom, $role | Test-AmlPermission -PrincipalId $Dana -Scope $DevWorkspace -Action $ComputeWrite -WarningVariable warnings | Should -BeTrue
        $warnings.Count | Should -Be 0
    }

    It 'a group assignment piped without the members is Unknown for others, naming the group; the group itself is Allowed' {
        $decision = $TeamComputeOperator | Test-AmlPermission -PrincipalId $Dana -Scope $DevWorkspace -Action $ComputeWrite -Detailed -WarningAction SilentlyContinue

        $decision.Decision | Should -Be 'Unknown'
        $reason = $decision.Reasons | Where-Object Kind -EQ 'MembershipUnknown'
        $reason.ViaGroupId | Should -Be $Team
        ($decision.Explanation -join ' ') | Should -Match 'whose members the source does not hold'
        $TeamComputeOperator | Test-AmlPermission -PrincipalId $Dana -Scope $DevWorkspace -Action $ComputeWrite -WarningAction SilentlyContinue | Should -BeFalse
        $TeamComputeOperator | Test-AmlPermission -PrincipalId $Team -Scope $DevWorkspace -Action $ComputeWrite | Should -BeTrue
    }

    It 'a scope the snapshot lists nothing at is answered by Azure''s rules, with a warning' {
        Test-AmlPermission -Sample -PrincipalId $Alice -Scope $Typo -Action 'Microsoft.MachineLearningServices/workspaces/read' -WarningVariable warnings -WarningAction SilentlyContinue |
            Should -BeTrue
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -Match 'lists nothing at or below'
        "$($warnings[0])" | Should -Match ([regex]::Escape("Did you mean '$DevWorkspace'"))
    }

    It 'no scope warning for piped objects' {
        # Piped objects are what the user chose to give, not a listing: the typo is answered (NotGranted) without a warning.
        $DanaComputeOperator | Test-AmlPermission -PrincipalId $Dana -Scope $Typo -Action $ComputeWrite -WarningVariable warnings | Should -BeFalse
        $warnings.Count | Should -Be 0
    }
}

Describe 'Test-AmlPermission -RelatedResource' {
    # Issue #13: "Deploy into a virtual network or subnet" (how-to-assign-roles) checks the join actions "on the
    # virtual network resource" and "on the subnet resource". Carol Diaz is Owner of the production subscription.
    BeforeAll {
        $Carol = 'd0a750e3-0e35-4166-afb7-2ba4596dbd90'
        $ProdSubnet = '/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-ml'
    }

    It 'is $false with a warning naming Unknown when the network is not named, and fails with -Strict' {
        Test-AmlPermission -LiteralSnapshotPath $ContosoSnapshot -PrincipalId $Carol -Scope $ProdWorkspace -Activity DeployIntoVnet -WarningVariable warnings -WarningAction SilentlyContinue |
            Should -BeFalse
        "$($warnings[0])" | Should -BeLike '*Unknown*'
        { Test-AmlPermission -LiteralSnapshotPath $ContosoSnapshot -PrincipalId $Carol -Scope $ProdWorkspace -Activity DeployIntoVnet -Strict } |
            Should -Throw -ErrorId 'PermissionUnknown,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }

    It 'decides on the subnet named, and its reason says to name it when it is not' {
        Test-AmlPermission -LiteralSnapshotPath $ContosoSnapshot -PrincipalId $Carol -Scope $ProdWorkspace -Activity DeployIntoVnet -RelatedResource $ProdSubnet |
            Should -BeTrue
        $detailed = Test-AmlPermission -LiteralSnapshotPath $ContosoSnapshot -PrincipalId $Carol -Scope $ProdWorkspace -Activity DeployIntoVnet -Detailed -WarningAction SilentlyContinue
        $detailed.Decision.ToString() | Should -Be 'Unknown'
        ($detailed.Explanation -join ' ') | Should -BeLike '*-RelatedResource*'
    }

    It 'RelatedResourceInvalid for a resource of no known kind' {
        Get-ErrorId { Test-AmlPermission -LiteralSnapshotPath $ContosoSnapshot -PrincipalId $Carol -Scope $ProdWorkspace -Activity DeployIntoVnet -RelatedResource "$ProdWorkspace/computes/cpu" } |
            Should -BeExactly 'RelatedResourceInvalid,AmlRbac.PowerShell.Cmdlets.TestAmlPermissionCommand'
    }
}
