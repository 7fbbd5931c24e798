BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $Subscription = '/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0'
    $Sandbox = "$Subscription/resourceGroups/rg-sandbox"
}

Describe 'New-AmlModelPolicy builds model guardrail assignments' {
    It 'builds the blog example: only the azureml registry, tiiuae-falcon-7b restricted' {
        $policy = New-AmlModelPolicy -AllowedRegistry azureml -RestrictedModel $Falcon -Scope $Subscription -NotScope $Sandbox -WarningAction SilentlyContinue

        $policy.GetType().FullName | Should -BeExactly 'AmlRbac.PowerShell.Output.AmlModelPolicy'
        $policy.Name | Should -BeExactly 'restrict-model-registry'
        $policy.Id | Should -BeExactly "$Subscription/providers/Microsoft.Authorization/policyAssignments/restrict-model-registry"
        $policy.PolicyDefinitionId | Should -BeExactly '/providers/Microsoft.Authorization/policyDefinitions/19539b54-c61e-4196-9a38-67598701be90'
        $policy.PolicyParameterObject.allowedRegistryName | Should -BeExactly 'azureml'
        @($policy.PolicyParameterObject.restrictedModels) | Should -Be @($Falcon)
        $policy.NotScope | Should -Be @($Sandbox)
        $assignment = $policy.AssignmentJson | ConvertFrom-Json
        $assignment.properties.parameters.effect.value | Should -BeExactly 'Deny'
        $assignment.properties.notScopes | Should -Be @($Sandbox)
    }

    It 'writes its warnings' {
        $null = New-AmlModelPolicy -AllowedRegistry '' -Scope $Subscription -WarningVariable warnings -WarningAction SilentlyContinue

        @($warnings | Where-Object { $_ -like '*every registry model is blocked*' }).Count | Should -Be 1
    }

    It 'writes the parameters file New-AzPolicyAssignment -PolicyParameter and az --params read' {
        $file = Join-Path $TestDrive 'parameters.json'

        $policy = New-AmlModelPolicy -AllowedRegistry azureml -RestrictedModel $Falcon -Scope $Subscription -OutFile $file -WarningAction SilentlyContinue

        (Get-Content -LiteralPath $file -Raw) | Should -BeExactly $policy.PolicyParameter
        ((Get-Content -LiteralPath $file -Raw | ConvertFrom-Json).restrictedModels.value) | Should -Be @($Falcon)
    }

    It 'builds an assignment of the approved registry models built-in' {
        $policy = New-AmlModelPolicy -AllowedPublisher Microsoft -AllowedAssetId 'azureml://registries/azureml/models/Phi-3-mini-4k-instruct/' -Scope $Subscription -WarningAction SilentlyContinue

        $policy.PolicyDefinitionId | Should -BeExactly '/providers/Microsoft.Authorization/policyDefinitions/12e5dd16-d201-47ff-849b-8454061c293d'
        @($policy.PolicyParameterObject.allowedPublishers) | Should -Be @('Microsoft')
    }

    It 'offers the custom allow-list with the definition to create first and the warning about data-plane modes' {
        $policy = New-AmlModelPolicy -AllowedModel $Phi -Scope $Subscription -WarningVariable warnings -WarningAction SilentlyContinue

        $policy.DefinitionId | Should -BeExactly "$Subscription/providers/Microsoft.Authorization/policyDefinitions/allowed-models"
        ($policy.DefinitionJson | ConvertFrom-Json).properties.mode | Should -BeExactly 'Microsoft.MachineLearningServices.v2.Data'
        @($warnings | Where-Object { $_ -like '*only support built-in policy definitions*' }).Count | Should -Be 1
    }

    It 'writes the custom definition and the parameters file with -DefinitionOutFile and -OutFile' {
        $definition = Join-Path $TestDrive 'definition.json'
        $parameters = Join-Path $TestDrive 'allow-list.parameters.json'

        $policy = New-AmlModelPolicy -AllowedModel $Phi -Scope $Subscription -OutFile $parameters -DefinitionOutFile $definition -WarningAction SilentlyContinue

        (Get-Content -LiteralPath $definition -Raw) | Should -BeExactly $policy.DefinitionJson
        (Get-Content -LiteralPath $definition -Raw | ConvertFrom-Json).properties.mode | Should -BeExactly 'Microsoft.MachineLearningServices.v2.Data'
        @((Get-Content -LiteralPath $parameters -Raw | ConvertFrom-Json).allowedModels.value) | Should -Be @($Phi)
    }

    It 'writes neither file when the definition file cannot be written' {
        $parameters = Join-Path $TestDrive 'neither.parameters.json'

        { New-AmlModelPolicy -AllowedModel $Phi -Scope $Subscription -OutFile $parameters -DefinitionOutFile (Join-Path $TestDrive 'missing/definition.json') -WarningAction SilentlyContinue } |
            Should -Throw -ErrorId 'OutFileNotWritten,AmlRbac.PowerShell.Cmdlets.NewAmlModelPolicyCommand'
        Test-Path -LiteralPath $parameters | Should -BeFalse
    }

    It 'takes -DefinitionOutFile only with -AllowedModel' {
        { New-AmlModelPolicy -AllowedRegistry azureml -Scope $Subscription -DefinitionOutFile (Join-Path $TestDrive 'd.json') } |
            Should -Throw -ErrorId 'AmbiguousParameterSet,AmlRbac.PowerShell.Cmdlets.NewAmlModelPolicyCommand'
    }

    It 'gives an assignment the evaluator allows the intended models under' {
        $policy = New-AmlModelPolicy -AllowedRegistry azureml -RestrictedModel $Falcon -Scope $Subscription -WarningAction SilentlyContinue
        $snapshot = Get-Content -LiteralPath $ContosoSnapshot -Raw | ConvertFrom-Json
        $item = $policy.AssignmentJson | ConvertFrom-Json
        $item | Add-Member -NotePropertyName id -NotePropertyValue $policy.Id
        $snapshot.policyAssignments = @($item)
        $snapshot.policyExemptions = @()
        $path = Join-Path $TestDrive 'guardrail.snapshot.json'
        $snapshot | ConvertTo-Json -Depth 20 | Set-Content -LiteralPath $path

        Test-AmlPermission -PrincipalId $Alice -Scope $ProdWorkspace -Activity DeployModel -Model $Falcon -LiteralSnapshotPath $path | Should -BeFalse
        Test-AmlPermission -PrincipalId $Alice -Scope $ProdWorkspace -Activity DeployModel -Model $Phi -LiteralSnapshotPath $path | Should -BeTrue
        Test-AmlPermission -PrincipalId $Alice -Scope $ProdWorkspace -Activity DeployModel -Model $MetaLlama -LiteralSnapshotPath $path | Should -BeFalse
    }

    It 'refuses an effect the built-in does not allow with PolicyParameterInvalid' {
        { New-AmlModelPolicy -AllowedRegistry azureml -Effect Audit -Scope $Subscription } |
            Should -Throw -ErrorId 'PolicyParameterInvalid,AmlRbac.PowerShell.Cmdlets.NewAmlModelPolicyCommand'
    }
}
