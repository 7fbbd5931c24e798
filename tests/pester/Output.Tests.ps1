# What a person sees of the cmdlets' output (the default views at 120 columns, Format-List) and what Export-Csv and
# ConvertTo-Json write of it. Set-AmlWorkspaceIdentityRole and Export-AmlRbacSnapshot need the ARM emulator: their
# views are checked in their own files.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $Subscription = '/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0'

    function Show-Default {
        # The default view, as the console shows it 120 columns wide.
        param([Parameter(ValueFromPipeline)] $InputObject)
        end { $input | Out-String -Width 120 }
    }
}

Describe 'The default views fit 120 columns and keep the end of operations and scopes' {
    It 'Test-AmlPermission -Detailed shows each decision with its reasons' {
        $text = Test-AmlPermission -PrincipalId $Alice -Scope $ProdWorkspace -Action $ComputeWrite -Activity CreateComputeCluster -Detailed -LiteralSnapshotPath $ContosoSnapshot | Show-Default

        $text | Get-ViewProblem | Should -BeNullOrEmpty
        $text | Should -Match 'Why'
        $text | Should -Match 'workspaces/computes/write'
        $text | Should -Match 'workspaces/mlw-prod'
        # The reasons, in the default view: the NotActions entry that removed it, and who would grant it.
        $text | Should -Match '- Removed by NotActions'
        $text | Should -Match "'Microsoft\.MachineLearningServices/workspaces/computes/\*/write' of role"
        $text | Should -Match 'Would be granted by: AzureML Compute Operator'
        $text | Should -Match 'Alice Chen \(f654bbdb-76f3-4d0a-8bc9-337e384a70b8\)'
    }

    It 'Test-AmlPermission -Detailed for a model deployment shows both layers' {
        $text = Test-AmlPermission -PrincipalId $Alice -Scope $ProdWorkspace -Activity DeployModel -Model $Falcon -Detailed -LiteralSnapshotPath $ContosoSnapshot | Show-Default

        $text | Get-ViewProblem | Should -BeNullOrEmpty
        $text | Should -Match 'DeployModel'
        $text | Should -Match 'tiiuae-falcon-7b/versions/4'
        $text | Should -Match '- Policy: Denied by assignment'
    }

    It 'Test-AmlPermission without -Detailed is True or False' {
        Test-AmlPermission -PrincipalId $Alice -Scope $DevWorkspace -Action $ComputeWrite -LiteralSnapshotPath $ContosoSnapshot | Show-Default |
            Should -Match '^\s*True\s*$'
    }

    It 'Get-AmlEffectiveAccess lists one line per operation, shortened from the left' {
        $decisions = @(Get-AmlEffectiveAccess -PrincipalId $Alice -Scope $DevWorkspace -LiteralSnapshotPath $ContosoSnapshot)
        $text = $decisions | Show-Default
        $line = @($text -split '\r?\n' | Where-Object { $_ -like '*/workspaces/computes/write *' })

        $text | Get-ViewProblem | Should -BeNullOrEmpty
        $line.Count | Should -Be 1
        $line[0] | Should -Match '^Allowed\s+\.\.\./workspaces/computes/write\s+AzureML Compute Operator\s+ml-data-scientists\s+\.\.\./workspaces/mlw-dev\s*$'
        $text | Should -Match 'Principal / Role: Alice Chen'
        $text | Should -Not -Match '…'
        @($text -split '\r?\n').Count | Should -BeLessThan ($decisions.Count + 10) -Because 'one line per decision'
    }

    It 'Get-AmlEffectiveAccess -By Activity names each activity' {
        $text = Get-AmlEffectiveAccess -PrincipalId $Alice -Scope $DevWorkspace -By Activity -LiteralSnapshotPath $ContosoSnapshot | Show-Default

        $text | Get-ViewProblem | Should -BeNullOrEmpty
        $text | Should -Match '(?m)^Allowed\s+CreateComputeCluster\s+AzureML Compute Operator\s+ml-data-scientists\s+\.\.\./workspaces/mlw-dev'
        $text | Should -Match '(?m)^NotGranted\s+CreateWorkspace\s+AzureML Data Scientist\s+ml-data-scientists\s+\.\.\./rg-ml-dev'
    }

    It 'Get-AmlEffectiveAccess -Action (who can) is one line per principal under the operation' {
        $text = Get-AmlEffectiveAccess -Action $ComputeWrite -Scope $DevWorkspace -LiteralSnapshotPath $ContosoSnapshot | Show-Default

        $text | Get-ViewProblem | Should -BeNullOrEmpty
        $text | Should -Match "Action: $([regex]::Escape($ComputeWrite))"
        $text | Should -Match '(?m)^Allowed\s+Alice Chen\s+User\s+AzureML Compute Operator\s+ml-data-scientists\s+\.\.\./workspaces/mlw-dev'
        $text | Should -Match '(?m)^Allowed\s+mlw-dev\s+ServicePrincipal\s+Contributor\s+\.\.\./rg-ml-dev'
    }

    It 'Get-AmlEffectiveAccess -DeployableModel tells the models apart by their end' {
        $text = Get-AmlEffectiveAccess -PrincipalId $SpMlops -Scope $ProdWorkspace -DeployableModel -LiteralSnapshotPath $ContosoSnapshot | Show-Default

        $text | Get-ViewProblem | Should -BeNullOrEmpty
        $text | Should -Match 'tiiuae-falcon-7b/versions/4'
        $text | Should -Match 'Llama-2-7b/versions/17'
    }

    It 'Format-Table -View Detailed shows the reasons of any decision' {
        $text = Get-AmlEffectiveAccess -PrincipalId $Alice -Scope $DevWorkspace -Activity CreateComputeCluster -LiteralSnapshotPath $ContosoSnapshot |
            Format-Table -View Detailed | Out-String -Width 120

        $text | Get-ViewProblem | Should -BeNullOrEmpty
        $text | Should -Match "- Granted by role 'AzureML Compute Operator'"
    }

    It 'New-AmlCustomRole shows its Actions and NotActions whole, one per line, and its evidence in sentences' {
        $text = New-AmlCustomRole -Template DataScientist -AssignableScope $DevSubscription -ReferenceRole 'AzureML Data Scientist' -Compact -WarningAction SilentlyContinue | Show-Default

        $text | Get-ViewProblem | Should -BeNullOrEmpty
        $text | Should -Match '(?m)^Actions\s+: Microsoft\.MachineLearningServices/workspaces/\*/read$'
        $text | Should -Match '(?m)^\s+Microsoft\.MachineLearningServices/workspaces/\*/write$'
        $text | Should -Match '(?m)^\s+Microsoft\.MachineLearningServices/workspaces/computes/\*/write$'
        $text | Should -Match "Comparison\s+: 'Data Scientist Custom' compared with 'AzureML Data Scientist'"
        $text | Should -Match 'Compaction\s+: Compact: \d+ wildcard'
        $text | Should -Match "Warning AMLR009 SecretAccess: Actions 'Microsoft\.MachineLearningServices/workspaces/\*/action'"
    }

    It 'New-AmlCustomRole -Shape Flat shows the same lists' {
        $text = New-AmlCustomRole -Name 'Compute Starter' -Action "$ComputeWrite" -NotAction $ComputeDelete -AssignableScope $DevSubscription -Shape Flat | Show-Default

        $text | Get-ViewProblem | Should -BeNullOrEmpty
        $text | Should -Match "(?m)^Actions\s+: $([regex]::Escape($ComputeWrite))$"
        $text | Should -Match "(?m)^AssignableScopes\s+: $([regex]::Escape($DevSubscription))$"
    }

    It 'New-AmlModelPolicy keeps the end of the scope and of the definition id' {
        $text = New-AmlModelPolicy -AllowedRegistry azureml -RestrictedModel $Falcon -Scope $Subscription -WarningAction SilentlyContinue | Show-Default

        $text | Get-ViewProblem | Should -BeNullOrEmpty
        $text | Should -Match '(?m)^restrict-model-registry\s+\.\.\./ca8f6624-e3a6-4a1a-a564-fa8ae65132f0\s+\.\.\./19539b54-c61e-4196-9a38-67598701be90\s+Default'
    }
}

Describe 'Nested objects read as sentences in Format-List' {
    It '<Name> | Format-List * shows no type name and no record dump' -ForEach @(
        @{ Name = 'Test-AmlPermission -Detailed (activity)'; Command = { Test-AmlPermission -PrincipalId $Alice -Scope $ProdWorkspace -Activity CreateComputeCluster -Detailed -LiteralSnapshotPath $ContosoSnapshot } }
        @{ Name = 'Test-AmlPermission -Detailed (deployment)'; Command = { Test-AmlPermission -PrincipalId $Alice -Scope $ProdWorkspace -Activity DeployModel -Model $Falcon -Detailed -LiteralSnapshotPath $ContosoSnapshot } }
        @{ Name = 'New-AmlCustomRole'; Command = { New-AmlCustomRole -Template DataScientist -AssignableScope $DevSubscription -ReferenceRole 'AzureML Data Scientist' -Compact -WarningAction SilentlyContinue } }
        @{ Name = 'New-AmlCustomRole (compaction)'; Command = { (New-AmlCustomRole -Template DataScientist -AssignableScope $DevSubscription -Compact).Compaction } }
        @{ Name = 'New-AmlModelPolicy'; Command = { New-AmlModelPolicy -AllowedRegistry azureml -RestrictedModel $Falcon -Scope $Subscription -NotScope "$Subscription/resourceGroups/rg-sandbox" -WarningAction SilentlyContinue } }
    ) {
        $text = & $Command | Format-List * | Out-String -Width 120

        # Format-List cuts no value; it wraps, so only what is in the value matters here. PowerShell lists a Hashtable
        # property as [name, value] pairs and an array value as System.Object[]; PolicyParameterObject's values
        # stay arrays, which New-AzPolicyAssignment binds to Array parameters (its ToString, for Export-Csv, is readable).
        @($text | Get-ViewProblem | Where-Object { $_ -notlike 'wider than 120*' -and $_ -notlike 'a type name: PolicyParameterObject : *' }) |
            Should -BeNullOrEmpty
        $text | Should -Not -Match 'RoleComparison \{|System\.Collections'
    }
}

Describe 'Export-Csv writes names and readable lists' {
    BeforeAll {
        $decisions = @(Get-AmlEffectiveAccess -PrincipalId $Alice -Scope $ProdWorkspace -By Activity -LiteralSnapshotPath $ContosoSnapshot)
        $path = Join-Path $TestDrive 'access.csv'
        $decisions | Export-Csv -LiteralPath $path
        $rows = @(Import-Csv -LiteralPath $path)
        $text = Get-Content -LiteralPath $path -Raw
    }

    It 'keeps the property names as its columns' {
        $rows[0].PSObject.Properties.Name | Should -Be $decisions[0].PSObject.Properties.Name
    }

    It 'writes decisions as their names' {
        $rows.Decision | ForEach-Object { $_ | Should -BeIn @('Allowed', 'NotGranted', 'Denied', 'Conditional', 'Eligible', 'Unknown') }
        ($rows | Where-Object Activity -EQ 'CreateComputeCluster').Decision | Should -BeExactly 'NotGranted'
    }

    It 'writes lists as their items joined by "; ", nested objects as sentences' {
        $cluster = $rows | Where-Object Activity -EQ 'CreateComputeCluster'

        $cluster.MissingActions | Should -BeExactly $ComputeWrite
        $cluster.WouldBeGrantedBy | Should -BeLike 'AzureML Compute Operator; *'
        $cluster.WouldBeGrantedBy -split '; ' | Should -Be @(($decisions | Where-Object Activity -EQ 'CreateComputeCluster').WouldBeGrantedBy)
        $cluster.Operations | Should -BeExactly "NotGranted $ComputeWrite"
        $cluster.Reasons | Should -BeLike "Removed by NotActions 'Microsoft.MachineLearningServices/workspaces/computes/*/write' of role 'AzureML Data Scientist'*"
        $text | Should -Not -Match 'System\.|AmlRbac\.|\w+ \{ \w+ = '
    }

    It 'writes a role''s lists and a policy''s parameters as their values' {
        $role = New-AmlCustomRole -Name 'Compute Starter' -Action $ComputeWrite, $ComputeDelete -AssignableScope $DevSubscription -Shape Flat | ConvertTo-Csv | ConvertFrom-Csv
        $policy = New-AmlModelPolicy -AllowedRegistry azureml -RestrictedModel $Falcon -Scope $Subscription -WarningAction SilentlyContinue | ConvertTo-Csv | ConvertFrom-Csv

        $role.Actions | Should -BeExactly "$ComputeWrite; $ComputeDelete"
        $role.Shape | Should -BeExactly 'Flat'
        $policy.PolicyParameterObject | Should -BeExactly "allowedRegistryName=azureml; effect=Deny; restrictedModels=$Falcon"
    }
}

Describe 'ConvertTo-Json writes names, and little of it' {
    It 'writes the decision and the reason kinds as their names' {
        $json = Test-AmlPermission -PrincipalId $Alice -Scope $DevWorkspace -Action $ComputeWrite -Detailed -LiteralSnapshotPath $ContosoSnapshot | ConvertTo-Json

        $json | Should -Match '"Decision": "Allowed"'
        $json | Should -Match '"Kind": "Grant"'
        $json | Should -Not -Match '"(Decision|Kind)": \d'
        ($json | ConvertFrom-Json).Decision | Should -BeExactly 'Allowed'
    }

    It 'writes a deployment''s layers, a role''s shape and a conversion''s names as names' {
        $deployment = Test-AmlPermission -PrincipalId $Alice -Scope $ProdWorkspace -Activity DeployModel -Model $Falcon -Detailed -LiteralSnapshotPath $ContosoSnapshot | ConvertTo-Json -Depth 4 | ConvertFrom-Json
        $role = New-AmlCustomRole -Name 'Compute Starter' -Action $ComputeWrite -AssignableScope $DevSubscription | ConvertTo-Json -Depth 4 | ConvertFrom-Json

        ($deployment.Decision, $deployment.RbacDecision, $deployment.PolicyReasons[0].Kind, $deployment.PolicyReasons[0].Layer) |
            Should -Be @('Denied', 'Allowed', 'PolicyDeny', 'Policy')
        $role.Shape | Should -BeExactly 'Permissions'
        $role.Findings | ForEach-Object { $_.Severity | Should -BeOfType [string] }
    }

    It 'writes 25 answers in under 96 KB' {
        # 25 activities of the sample need 301 operations between them (SubmitRunV1 and V2 over 100 each). At the
        # default depth each answer is its own fields and sentences (about 1.5 KB) and a nested object is one line
        # (about 80 bytes per operation): 63 KB measured. Before, each nested decision was a record dump of
        # about 1.1 KB, 351 KB in all; the bound fails on that, and on any nested object written out whole.
        $answers = @(Get-AmlEffectiveAccess -PrincipalId $Alice -Scope $DevWorkspace -By Activity -LiteralSnapshotPath $ContosoSnapshot | Select-Object -First 25)

        $json = $answers | ConvertTo-Json -WarningAction SilentlyContinue

        $answers.Count | Should -Be 25
        $json.Length | Should -BeLessThan 96KB
        ($json | ConvertFrom-Json).Count | Should -Be 25
    }
}

Describe 'Decision compares and filters by its name' {
    It 'is a string that -eq compares with a name or an Outcome' {
        $decision = Test-AmlPermission -PrincipalId $Alice -Scope $DevWorkspace -Action $ComputeWrite -Detailed -LiteralSnapshotPath $ContosoSnapshot

        $decision.Decision | Should -BeOfType [string]
        $decision.Decision -eq 'Allowed' | Should -BeTrue
        $decision.Decision -eq 'allowed' | Should -BeTrue
        $decision.Decision -eq [AmlRbac.Model.Outcome]::Allowed | Should -BeTrue
        $decision.Decision -eq 'Denied' | Should -BeFalse
    }

    It 'filters with Where-Object and -Decision alike' {
        $all = @(Get-AmlEffectiveAccess -PrincipalId $Alice -Scope $DevWorkspace -LiteralSnapshotPath $ContosoSnapshot)
        $allowed = @(Get-AmlEffectiveAccess -PrincipalId $Alice -Scope $DevWorkspace -Decision Allowed -LiteralSnapshotPath $ContosoSnapshot)

        @($all | Where-Object Decision -EQ 'Allowed').Count | Should -Be $allowed.Count
        $allowed.Count | Should -BeGreaterThan 0
    }
}
