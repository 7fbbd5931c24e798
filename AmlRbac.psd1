# Module manifest for AmlRbac. build.ps1 copies it into output/AmlRbac/<ModuleVersion>/ beside the
# two assemblies and checks that ModuleVersion equals <Version> in Directory.Build.props.
@{
    RootModule           = 'AmlRbac.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = 'b2c972ed-dbd0-46ef-a1c4-d213840529e8'
    Author               = 'AmlRbac contributors'
    CompanyName          = 'AmlRbac contributors'
    Copyright            = '(c) AmlRbac contributors.'
    Description          = 'Who can do what in an Azure Machine Learning workspace, and why: an offline Azure RBAC evaluator (role assignments, deny assignments, groups, conditions, PIM eligibility) with the Azure ML operations, activities and roles built in.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    # The engine the cmdlets call; loaded first so the cmdlet assembly finds it.
    RequiredAssemblies   = @('AmlRbac.dll')
    FormatsToProcess     = @('AmlRbac.Format.ps1xml')
    CmdletsToExport      = @(
        'Test-AmlPermission'
        'Assert-AmlPermission'
        'Get-AmlEffectiveAccess'
        'New-AmlCustomRole'
        'New-AmlModelPolicy'
        'Export-AmlRbacSnapshot'
        'Export-AmlAccessReport'
        'Set-AmlWorkspaceIdentityRole'
        'Get-AmlUnusedAccess'
        'Test-AmlWorkspacePosture'
        'Compare-AmlRbacSnapshot'
        'Get-AmlAccessEstate'
        'New-AmlPosturePolicy'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Azure', 'AzureML', 'MachineLearning', 'RBAC', 'Authorization', 'Security', 'PSEdition_Core')
            ReleaseNotes = '0.1.0: Test-AmlPermission, Assert-AmlPermission, Get-AmlEffectiveAccess (with -Recurse: where a principal reaches), Get-AmlAccessEstate (privileged holders, orphaned and duplicate assignments), New-AmlCustomRole, New-AmlModelPolicy, Export-AmlRbacSnapshot, Export-AmlAccessReport (HTML, Markdown and CSV access reports), Set-AmlWorkspaceIdentityRole, Test-AmlWorkspacePosture (workspace security posture), New-AmlPosturePolicy (the built-in policies that enforce it), Compare-AmlRbacSnapshot (what changed between two snapshots) and Get-AmlUnusedAccess (what an activity log shows is never used), with the amlrbac CLI beside them; offline first (the embedded catalog, snapshot files, piped Az objects, the built-in sample tenant) and live Azure as one more source.'
            LicenseUri   = 'https://opensource.org/license/mit'
        }
    }
}
