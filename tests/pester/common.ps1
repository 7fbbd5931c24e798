# Dot-sourced by every *.Tests.ps1 (in BeforeAll, and in BeforeDiscovery where a file needs it):
# imports the module as build.ps1 laid it out, never the source manifest, and names the files and
# facts of the sample tenant (samples/contoso.snapshot.json, samples/README.md) the tests use.

$RepositoryRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).Path
[xml] $buildProps = Get-Content -LiteralPath (Join-Path $RepositoryRoot 'Directory.Build.props') -Raw
$ModuleVersion = $buildProps.SelectSingleNode('/Project/PropertyGroup/Version').InnerText.Trim()
$ModuleFolder = Join-Path $RepositoryRoot "output/AmlRbac/$ModuleVersion"
$ModuleManifest = Join-Path $ModuleFolder 'AmlRbac.psd1'
if (-not (Test-Path -LiteralPath $ModuleManifest)) {
    throw "The built module is missing ($ModuleManifest): run ./build.ps1 first."
}
Import-Module -Name $ModuleManifest -Force

$ContosoSnapshot = Join-Path $RepositoryRoot 'samples/contoso.snapshot.json'
$Alice = 'f654bbdb-76f3-4d0a-8bc9-337e384a70b8'
$SpMlops = '6e046c79-bbbe-4071-9866-a468e620b5df'
$DevSubscription = '/subscriptions/099041be-6a92-430e-9f47-32340e216c45'
$DevWorkspace = "$DevSubscription/resourceGroups/rg-ml-dev/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev"
$ProdWorkspace = '/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/mlw-prod'
$ComputeWrite = 'Microsoft.MachineLearningServices/workspaces/computes/write'
$ComputeDelete = 'Microsoft.MachineLearningServices/workspaces/computes/delete'
$Falcon = 'azureml://registries/azureml/models/tiiuae-falcon-7b/versions/4'
$Phi = 'azureml://registries/azureml/models/Phi-3-mini-4k-instruct/versions/7'
$MetaLlama = 'azureml://registries/azureml-meta/models/Llama-2-7b/versions/17'

function New-AzRoleAssignmentShape {
    # An object with the properties of Get-AzRoleAssignment output (PSRoleAssignment).
    param(
        [string] $ObjectId,
        [string] $DisplayName,
        [string] $SignInName,
        [string] $RoleDefinitionName,
        [string] $RoleDefinitionId,
        [string] $Scope
    )
    [pscustomobject]@{
        RoleAssignmentId   = "$Scope/providers/Microsoft.Authorization/roleAssignments/$([guid]::NewGuid())"
        Scope              = $Scope
        DisplayName        = $DisplayName
        SignInName         = $SignInName
        RoleDefinitionName = $RoleDefinitionName
        RoleDefinitionId   = $RoleDefinitionId
        ObjectId           = $ObjectId
        ObjectType         = 'User'
        CanDelegate        = $false
        Description        = $null
        Condition          = $null
        ConditionVersion   = $null
    }
}

# Two principals that exist only in piped objects: Dana operates compute in the dev workspace, Eve reads the subscription.
$Dana = '3c2a4e9d-5b1f-4f6a-9e8d-7c6b5a4f3e2d'
$Eve = 'a9b8c7d6-e5f4-4a3b-8c2d-1e0f9a8b7c6d'
$DanaComputeOperator = New-AzRoleAssignmentShape -ObjectId $Dana -DisplayName 'Dana Ruiz' -SignInName 'dana@contoso.com' `
    -RoleDefinitionName 'AzureML Compute Operator' -RoleDefinitionId 'e503ece1-11d0-4e8e-8e2c-7a6c3bf38815' -Scope $DevWorkspace
$EveReader = New-AzRoleAssignmentShape -ObjectId $Eve -DisplayName 'Eve Stone' -SignInName 'eve@contoso.com' `
    -RoleDefinitionName 'Reader' -RoleDefinitionId 'acdd72a7-3385-48ef-bd42-f606fba81ae7' -Scope $DevSubscription

function Get-SharedCase {
    # The shared case corpus: one hashtable per case, for -ForEach.
    param([string] $Kind)
    foreach ($file in Get-ChildItem -LiteralPath (Join-Path $RepositoryRoot 'tests/cases') -Filter '*.json' | Sort-Object Name) {
        foreach ($case in (Get-Content -LiteralPath $file.FullName -Raw | ConvertFrom-Json).cases) {
            if (-not $Kind -or $case.query.kind -eq $Kind) {
                @{ File = $file.Name; Name = $case.name; Case = $case }
            }
        }
    }
}

# A custom role, as Get-AzRoleDefinition writes it (PSRoleDefinition) and as `az role definition list`
# writes it (ConvertFrom-Json of the role definitions API's shape): it may create compute, not delete it.
$ComputeCreatorId = '5c1f0b2e-8a47-4d3c-9f61-2b7e4a9c0d18'
$ComputeCreatorAz = [pscustomobject]@{
    Name             = 'Compute Creator'
    Id               = $ComputeCreatorId
    IsCustom         = $true
    Description      = 'Creates compute in Azure Machine Learning workspaces.'
    Actions          = @('Microsoft.MachineLearningServices/workspaces/read', 'Microsoft.MachineLearningServices/workspaces/computes/read', $ComputeWrite)
    NotActions       = @()
    DataActions      = @()
    NotDataActions   = @()
    AssignableScopes = @($DevSubscription)
    Condition        = $null
    ConditionVersion = $null
}
$ComputeCreatorCli = @"
{
  "assignableScopes": [ "$DevSubscription" ],
  "description": "Creates compute in Azure Machine Learning workspaces.",
  "id": "$DevSubscription/providers/Microsoft.Authorization/roleDefinitions/$ComputeCreatorId",
  "name": "$ComputeCreatorId",
  "permissions": [ { "actions": [ "Microsoft.MachineLearningServices/workspaces/read", "Microsoft.MachineLearningServices/workspaces/computes/read", "$ComputeWrite" ],
                     "notActions": [], "dataActions": [], "notDataActions": [] } ],
  "roleName": "Compute Creator",
  "roleType": "CustomRole",
  "type": "Microsoft.Authorization/roleDefinitions"
}
"@ | ConvertFrom-Json

function Get-ViewProblem {
    # What is wrong with output as a person reads it at 120 columns (Out-String -Width 120 of a default view, or
    # Format-List *): a line wider than 120, a .NET type name (System.Collections.Generic.List`1[...], AmlRbac.*)
    # or a record dumped as 'RoleComparison { RoleName = ... }'. Nothing when all is well.
    param([Parameter(Mandatory, ValueFromPipeline)] [AllowEmptyString()] [string] $Text)
    process {
        foreach ($line in $Text -split '\r?\n') {
            if ($line.Length -gt 120) { "wider than 120 ($($line.Length)): $line" }
            if ($line -match 'System\.(Collections|Object|String)|AmlRbac\.\w') { "a type name: $line" }
            if ($line -match '\b[A-Z]\w+ \{ [A-Z]\w* = ') { "a record dump: $line" }
        }
    }
}
