# Set-AmlWorkspaceIdentityRole against the ARM emulator (tests/AmlRbac.ArmEmulator, built by `dotnet
# test`) serving the Contoso sample: mlw-dev's identity holds Contributor on rg-ml-dev (a workspace from
# before 2024-11-19), mlw-prod's holds Azure AI Administrator on rg-ml-prod. The emulator grants Azure AI
# Administrator when allowRoleAssignmentOnRG is set, as Azure does.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'emulator.ps1')

    $emulator = Start-ArmEmulator -LogFolder $TestDrive
    $script:Emulator = $emulator.Process
    $script:ArmUrl = $emulator.Url

    # The standalone emulator's token (one for ARM and Graph).
    $Arm = @{
        ArmUrl      = [uri] $script:ArmUrl
        AccessToken = ConvertTo-SecureString -String 'emulator-token' -AsPlainText -Force
    }
    $ProdWorkspaceIdentity = 'ea8cfcc0-2c85-4327-9662-b9534634ea3e'

    Add-GetAzAccessTokenStandIn
}

AfterAll {
    if ($script:Emulator) {
        Stop-Process -Id $script:Emulator.Id -ErrorAction SilentlyContinue
    }
}

Describe 'Set-AmlWorkspaceIdentityRole' {
    It 'asks before it changes anything (ConfirmImpact High)' {
        $command = Get-Command -Name Set-AmlWorkspaceIdentityRole

        $command.Parameters.Keys | Should -Contain 'WhatIf'
        $command.Parameters.Keys | Should -Contain 'Confirm'
        $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be ([System.Management.Automation.ConfirmImpact]::High)
    }

    It 'shows the plan and what the identity would lose with -WhatIf, and writes nothing' {
        $first = Set-AmlWorkspaceIdentityRole -ResourceId $DevWorkspace -RemoveLegacyContributor -WhatIf @Arm
        $second = Set-AmlWorkspaceIdentityRole -ResourceId $DevWorkspace -RemoveLegacyContributor -WhatIf @Arm

        $first.Status | Should -Be 'Planned'
        $first.BeforeRoles | Should -Be @('Contributor')
        $first.AfterRoles | Should -Be @('Azure AI Administrator')
        $first.LostOperations | Should -Contain 'Microsoft.Resources/subscriptions/resourceGroups/delete'
        $second.Status | Should -Be 'Planned'
        $second.BeforeRoles | Should -Be @('Contributor')
    }

    It 'shows the plan in 120 columns, and writes names and readable lists to CSV and JSON' {
        $plan = Set-AmlWorkspaceIdentityRole -ResourceId $DevWorkspace -RemoveLegacyContributor -WhatIf @Arm

        $text = $plan | Out-String -Width 120
        $text | Get-ViewProblem | Should -BeNullOrEmpty
        $text | Should -Match '(?m)^Planned\s+\.\.\./workspaces/mlw-dev\s+Contributor\s+Azure AI Administrator\s+\d+'
        $row = $plan | ConvertTo-Csv | ConvertFrom-Csv
        $row.Status | Should -BeExactly 'Planned'
        $row.LostOperations -split '; ' | Should -Be @($plan.LostOperations)
        $row.LostOperations | Should -Not -Match 'System\.'
        ($plan | ConvertTo-Json | ConvertFrom-Json).Role | Should -BeExactly 'AzureAIAdministrator'
    }

    It 'reports a workspace whose identity already holds Azure AI Administrator as AlreadyConverted' {
        $result = Set-AmlWorkspaceIdentityRole -ResourceId $ProdWorkspace -Confirm:$false @Arm

        $result.Status | Should -Be 'AlreadyConverted'
        $result.PrincipalId | Should -Be $ProdWorkspaceIdentity
    }

    It 'takes workspaces piped by property name, as Get-AzMLWorkspace writes them' {
        $workspace = [pscustomobject]@{ Id = $DevWorkspace; Name = 'mlw-dev'; ResourceGroupName = 'rg-ml-dev' }

        $result = $workspace | Set-AmlWorkspaceIdentityRole -WhatIf @Arm

        $result.WorkspaceId | Should -Be $DevWorkspace
    }

    It 'reports a bad workspace as a non-terminating error and goes on with the next' {
        $items = [pscustomobject]@{ ResourceId = '/subscriptions/not-a-workspace' }, [pscustomobject]@{ ResourceId = $ProdWorkspace }

        $results = $items | Set-AmlWorkspaceIdentityRole -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue @Arm

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'WorkspaceIdInvalid,*'
        @($results).Count | Should -Be 1
        $results.Status | Should -Be 'AlreadyConverted'
    }

    It 'SubscriptionMissing for a workspace named without -SubscriptionId when there is no Az context' {
        # Mock needs a command to replace: where Az.Accounts is not installed, a stand-in for this test only.
        $standIn = -not (Get-Command -Name Get-AzContext -ErrorAction SilentlyContinue)
        if ($standIn) {
            function global:Get-AzContext { [CmdletBinding()] param([switch] $ListAvailable) }
        }
        try {
            Mock Get-AzContext { }

            $results = Set-AmlWorkspaceIdentityRole -ResourceGroupName 'rg-ml-dev' -Name 'mlw-dev' -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue @Arm

            $results | Should -BeNullOrEmpty
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeExactly 'SubscriptionMissing,AmlRbac.PowerShell.Cmdlets.SetAmlWorkspaceIdentityRoleCommand'
            Should -Invoke Get-AzContext -Times 1 -Exactly
        }
        finally {
            if ($standIn) {
                Remove-Item -Path function:global:Get-AzContext
            }
        }
    }

    It 'takes the token from the Az context without -AccessToken' {
        Mock Get-AzAccessToken {
            [pscustomobject]@{
                Token     = ConvertTo-SecureString -String 'emulator-token' -AsPlainText -Force
                ExpiresOn = [DateTimeOffset]::UtcNow.AddHours(1)
                Type      = 'Bearer'
            }
        }

        $result = Set-AmlWorkspaceIdentityRole -ResourceId $ProdWorkspace -ArmUrl $script:ArmUrl -Confirm:$false

        $result.Status | Should -Be 'AlreadyConverted'
        Should -Invoke Get-AzAccessToken -ParameterFilter { $ResourceUrl -eq $script:ArmUrl }
    }

    It 'refuses -RemoveLegacyContributor with -Role Contributor' {
        { Set-AmlWorkspaceIdentityRole -ResourceId $DevWorkspace -Role Contributor -RemoveLegacyContributor -Confirm:$false @Arm } |
            Should -Throw -ErrorId 'WorkspaceOptionsInvalid*'
    }

    It 'converts a workspace and ends with a summary line' {
        $result = Set-AmlWorkspaceIdentityRole -ResourceId $DevWorkspace -RemoveLegacyContributor -Confirm:$false -InformationVariable summary @Arm

        $result.Status | Should -Be 'Converted'
        $result.AfterRoles | Should -Be @('Azure AI Administrator')
        "$summary" | Should -BeExactly '1 workspace: 1 converted, 0 already converted, 0 planned, 0 skipped, 0 pending, 0 failed.'
        (Set-AmlWorkspaceIdentityRole -ResourceId $DevWorkspace -RemoveLegacyContributor -Confirm:$false @Arm).Status | Should -Be 'AlreadyConverted'
    }
}
