BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    # build/Update-Catalog.ps1 against a small reference folder of its own: one role, one page excerpt.
    $Script = Join-Path $RepositoryRoot 'build/Update-Catalog.ps1'
    $Pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
    $BlobRead = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'

    function New-CatalogWorkspace {
        # A reference folder, an excerpt of storage.md, an exception list and a data folder holding an earlier catalog.
        param([string[]] $StorageRows, [string[]] $Exceptions = @())
        $root = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $reference = New-Item -ItemType Directory -Path (Join-Path $root 'reference')
        $pages = New-Item -ItemType Directory -Path (Join-Path $root 'permissions/storage')
        $data = New-Item -ItemType Directory -Path (Join-Path $root 'data')

        Set-Content -LiteralPath (Join-Path $reference 'operations-partial.tsv') -Value "operation`tkind`tdescription`nMicrosoft.Support/register/action`tcontrol`tRegisters Support"
        $role = @{
            id = '/providers/Microsoft.Authorization/roleDefinitions/2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
            name = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
            type = 'Microsoft.Authorization/roleDefinitions'
            properties = @{
                roleName = 'Storage Blob Data Reader'; description = 'Read blobs'; type = 'BuiltInRole'; assignableScopes = @('/')
                permissions = @(@{ actions = @('Microsoft.Storage/storageAccounts/blobServices/containers/read'); notActions = @(); dataActions = @($BlobRead); notDataActions = @() })
            }
        }
        ConvertTo-Json -InputObject @($role) -Depth 6 | Set-Content -LiteralPath (Join-Path $reference 'builtin-roles-all.json')

        $excerpt = @(
            '<!-- source: MicrosoftDocs/azure-docs articles/role-based-access-control/permissions/storage.md commit b1884163727677b9efa57c712e993ca6b54ed078 -->'
            '## Microsoft.Storage'
            ''
            '> [!div class="mx-tableFixed"]'
            '> | Action | Description |'
            '> | --- | --- |'
        ) + $StorageRows
        Set-Content -LiteralPath (Join-Path $pages 'Microsoft.Storage.md') -Value $excerpt
        Set-Content -LiteralPath (Join-Path $root 'exceptions.tsv') -Value (@('# exceptions') + $Exceptions)

        Set-Content -LiteralPath (Join-Path $data 'operations.tsv') -Value "operation`tkind`tdescription`tsource" -NoNewline
        Set-Content -LiteralPath (Join-Path $data 'operation-sources.tsv') -Value "provider`tpage`tcommit" -NoNewline
        Set-Content -LiteralPath (Join-Path $data 'builtin-roles.json') -Value '{ "source": "earlier", "roles": [] }'
        [pscustomobject]@{ Root = $root; Data = $data.FullName }
    }

    function Invoke-UpdateCatalog {
        param($Workspace)
        $output = & $Pwsh -NoProfile -File $Script -ReferencePath (Join-Path $Workspace.Root 'reference') -PermissionsPath (Join-Path $Workspace.Root 'permissions') `
            -ExceptionsPath (Join-Path $Workspace.Root 'exceptions.tsv') -DataPath $Workspace.Data 2>&1
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output | Out-String) }
    }

    $Rows = @(
        '> | Microsoft.Storage/storageAccounts/blobServices/containers/read | Returns a container |'
        '> | **DataAction** | **Description** |'
        "> | $BlobRead | Returns a blob or a list of blobs |"
    )
}

Describe 'build/Update-Catalog.ps1' {
    It 'writes the operations sorted with their kind, the page and commit of each provider, and the roles' {
        $workspace = New-CatalogWorkspace -StorageRows $Rows

        $run = Invoke-UpdateCatalog $workspace

        $run.ExitCode | Should -Be 0
        $operations = Get-Content -LiteralPath (Join-Path $workspace.Data 'operations.tsv')
        $operations[0] | Should -Be "operation`tkind`tdescription`tsource"
        $operations | Should -Contain "$BlobRead`tdata`tReturns a blob or a list of blobs`t"
        $operations[1] | Should -BeLike 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read*'
        Get-Content -LiteralPath (Join-Path $workspace.Data 'operation-sources.tsv') | Should -Contain "Microsoft.Storage`tstorage.md`tb1884163727677b9efa57c712e993ca6b54ed078"
        (Get-Content -LiteralPath (Join-Path $workspace.Data 'builtin-roles.json') -Raw | ConvertFrom-Json).roles[0].roleName | Should -Be 'Storage Blob Data Reader'
    }

    It 'refuses to write when a role names an operation the page lacks, and says which and by whom' {
        $workspace = New-CatalogWorkspace -StorageRows $Rows[0..1]
        $before = Get-Content -LiteralPath (Join-Path $workspace.Data 'operations.tsv') -Raw

        $run = Invoke-UpdateCatalog $workspace

        $run.ExitCode | Should -Be 1
        $run.Output | Should -Match 'nothing was written'
        $run.Output | Should -Match ([regex]::Escape("$BlobRead (data), named by Storage Blob Data Reader"))
        Get-Content -LiteralPath (Join-Path $workspace.Data 'operations.tsv') -Raw | Should -Be $before
    }

    It 'lists an operation the exception list adds, with the role as its source' {
        $workspace = New-CatalogWorkspace -StorageRows $Rows[0..1] -Exceptions @("$BlobRead`tdata`tadd`tNamed by Storage Blob Data Reader (role definitions of 2026-08-22); not on the page.")

        $run = Invoke-UpdateCatalog $workspace

        $run.ExitCode | Should -Be 0
        Get-Content -LiteralPath (Join-Path $workspace.Data 'operations.tsv') | Should -Contain "$BlobRead`tdata`t`tnamed by the built-in role(s) 'Storage Blob Data Reader' (role definitions of 2026-08-22), not on the permissions page"
    }

    It 'refuses an exception that is no longer one' {
        $workspace = New-CatalogWorkspace -StorageRows $Rows -Exceptions @("$BlobRead`tdata`tadd`tNot on the page.")

        $run = Invoke-UpdateCatalog $workspace

        $run.ExitCode | Should -Be 1
        $run.Output | Should -Match 'no longer missing'
    }

    It 'refuses a row cut short in an excerpt' {
        $workspace = New-CatalogWorkspace -StorageRows ($Rows + '> | Microsoft.Storage/storageAccounts/read ')

        $run = Invoke-UpdateCatalog $workspace

        $run.ExitCode | Should -Not -Be 0
        $run.Output | Should -Match 'not a whole table row'
    }
}
