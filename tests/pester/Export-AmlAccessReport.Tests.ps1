# Export-AmlAccessReport: the report to the pipeline and to a file, -WhatIf and -Force, its error ids, and the HTML page
# in a real browser: headless Chromium (Debian's chromium package; .ci/run installs it) renders it, its DOM holds the
# table rows, and its screenshot is not blank. Where Chromium is missing that test is skipped, saying why.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $ContosoMl = '/providers/Microsoft.Management/managementGroups/contoso-ml'
    $Carol = 'd0a750e3-0e35-4166-afb7-2ba4596dbd90'
    $RoleAssignmentWrite = 'Microsoft.Authorization/roleAssignments/write'

    function Read-Html {
        # The page as XML: the report's markup is well-formed (DOCTYPE aside).
        param([string] $Text)
        $settings = [System.Xml.XmlReaderSettings]::new()
        $settings.DtdProcessing = [System.Xml.DtdProcessing]::Ignore
        $reader = [System.Xml.XmlReader]::Create([System.IO.StringReader]::new($Text), $settings)
        try { [System.Xml.Linq.XDocument]::Load($reader) } finally { $reader.Dispose() }
    }
}

Describe 'Export-AmlAccessReport' {
    It 'writes the report to the pipeline as one HTML string by default' {
        $report = Export-AmlAccessReport -Scope $ContosoMl -SnapshotPath $ContosoSnapshot

        $report | Should -BeOfType [string]
        @($report).Count | Should -Be 1
        $html = Read-Html $report
        @($html.Descendants() | Where-Object { $_.Name.LocalName -eq 'h2' } | ForEach-Object Value) | Should -Be @('mlw-dev', 'mlw-prod')
    }

    It 'writes the file with -Path, and -PassThru gives its FileInfo' {
        $path = Join-Path $TestDrive 'access.html'

        $file = Export-AmlAccessReport -Scope $ContosoMl -SnapshotPath $ContosoSnapshot -Path $path -PassThru

        $file | Should -BeOfType [System.IO.FileInfo]
        $file.FullName | Should -BeExactly $path
        $text = Get-Content -LiteralPath $path -Raw
        $text | Should -BeLike '<!DOCTYPE html>*'
        $text | Should -Match 'Carol Diaz'
        Export-AmlAccessReport -Scope $ContosoMl -SnapshotPath $ContosoSnapshot -Path (Join-Path $TestDrive 'quiet.html') | Should -BeNullOrEmpty
    }

    It 'resolves -Path against the PowerShell location' {
        Push-Location -LiteralPath $TestDrive
        try {
            Export-AmlAccessReport -Scope $DevWorkspace -SnapshotPath $ContosoSnapshot -Format Markdown -Path 'relative.md'
        }
        finally {
            Pop-Location
        }

        Join-Path $TestDrive 'relative.md' | Should -Exist
    }

    It 'writes nothing with -WhatIf' {
        $path = Join-Path $TestDrive 'whatif.html'

        Export-AmlAccessReport -Scope $ContosoMl -SnapshotPath $ContosoSnapshot -Path $path -WhatIf

        $path | Should -Not -Exist
    }

    It 'keeps an existing file unless -Force (OutFileExists), and replaces it with -Force' {
        $path = Join-Path $TestDrive 'kept.csv'
        Set-Content -LiteralPath $path -Value 'last quarter' -NoNewline

        { Export-AmlAccessReport -Scope $ContosoMl -SnapshotPath $ContosoSnapshot -Format Csv -Path $path } |
            Should -Throw -ErrorId 'OutFileExists,AmlRbac.PowerShell.Cmdlets.ExportAmlAccessReportCommand'
        Get-Content -LiteralPath $path -Raw | Should -BeExactly 'last quarter'

        Export-AmlAccessReport -Scope $ContosoMl -SnapshotPath $ContosoSnapshot -Format Csv -Path $path -Force
        (Get-Content -LiteralPath $path -TotalCount 1) | Should -BeExactly 'Workspace,WorkspaceId,Principal,PrincipalId,PrincipalType,Kind,Name,Decision,Reasons'
    }

    It 'refuses a format it does not write with ReportFormatInvalid' {
        $thrown = { Export-AmlAccessReport -Scope $ContosoMl -SnapshotPath $ContosoSnapshot -Format Pdf } | Should -Throw -PassThru

        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ReportFormatInvalid,AmlRbac.PowerShell.Cmdlets.ExportAmlAccessReportCommand'
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $thrown.Exception.Message | Should -BeLike "*-Format 'Pdf'*html, markdown, csv*"
    }

    It 'refuses a malformed scope with ScopeInvalid' {
        { Export-AmlAccessReport -Scope 'rg-ml-dev' -SnapshotPath $ContosoSnapshot } |
            Should -Throw -ErrorId 'ScopeInvalid,AmlRbac.PowerShell.Cmdlets.ExportAmlAccessReportCommand'
    }

    It 'gives CSV rows that ConvertFrom-Csv reads, Carol holding role assignment write in prod through Owner' {
        $rows = Export-AmlAccessReport -Scope $ContosoMl -SnapshotPath $ContosoSnapshot -Format Csv | ConvertFrom-Csv

        $carol = $rows | Where-Object { $_.Workspace -eq 'mlw-prod' -and $_.PrincipalId -eq $Carol -and $_.Name -eq $RoleAssignmentWrite }
        @($carol).Count | Should -Be 1
        $carol.Decision | Should -BeExactly 'Allowed'
        $carol.Reasons | Should -BeLike "*role 'Owner'*"
    }

    It 'answers from piped Az objects' {
        $report = $DanaComputeOperator | Export-AmlAccessReport -Scope $DevWorkspace -Format Markdown

        $report | Should -Match 'Dana Ruiz'
        $report | Should -Not -Match 'Alice Chen'
    }

    It 'answers from the sample tenant with -Sample, and without a source is TenantMissing' {
        Export-AmlAccessReport -Scope $DevWorkspace -Format Csv -Sample | Should -Match 'Alice Chen'

        { Export-AmlAccessReport -Scope $DevWorkspace -Format Csv } |
            Should -Throw -ErrorId 'TenantMissing,AmlRbac.PowerShell.Cmdlets.ExportAmlAccessReportCommand'
    }

    It 'completes -Format with the report formats' {
        $line = 'Export-AmlAccessReport -Format m'
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText

        $completions | Should -Be @('markdown')
    }

    It 'renders in headless Chromium with the table rows in its DOM and a screenshot that is not blank' {
        $chromium = (Get-Command -Name chromium -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1).Source
        if (-not $chromium) {
            Set-ItResult -Skipped -Because 'chromium is not installed (on Debian: apt-get update && apt-get install -y chromium; .ci/run installs it where it runs as root)'
            return
        }
        Add-Type -Path (Join-Path $PSScriptRoot 'PngPixels.cs')
        $page = Join-Path $TestDrive 'browser.html'
        $png = Join-Path $TestDrive 'browser.png'
        Export-AmlAccessReport -Scope $ContosoMl -SnapshotPath $ContosoSnapshot -Path $page
        # PowerShell's [uri] cast takes a rooted Unix path for a relative URI: the file URL is made explicitly absolute.
        $url = [System.Uri]::new($page, [System.UriKind]::Absolute).AbsoluteUri
        $common = @('--headless', '--no-sandbox', '--disable-gpu', "--user-data-dir=$(Join-Path $TestDrive 'chromium-profile')")

        function Invoke-Chromium {
            # One headless run, its stdout; it must finish within two minutes.
            param([string[]] $Arguments, [string] $Name)
            $out = Join-Path $TestDrive "$Name.out"
            $process = Start-Process -FilePath $chromium -ArgumentList ($common + $Arguments + $url) -PassThru -NoNewWindow `
                -RedirectStandardOutput $out -RedirectStandardError (Join-Path $TestDrive "$Name.err")
            if (-not $process.WaitForExit(120000)) {
                $process.Kill($true)
                throw "chromium $Name did not finish in two minutes."
            }
            Get-Content -LiteralPath $out -Raw
        }

        # The rendered DOM: one decision cell per principal and column of each workspace's activity table.
        $dom = Invoke-Chromium -Name 'dump-dom' -Arguments @('--dump-dom')
        $rows = @(Export-AmlAccessReport -Scope $ContosoMl -SnapshotPath $ContosoSnapshot -Format Csv | ConvertFrom-Csv)
        $dom | Should -Match '<h2>mlw-prod</h2>'
        $dom | Should -Match 'Carol Diaz'
        ([regex]::Matches($dom, '<td class="o-')).Count | Should -BeGreaterOrEqual $rows.Count

        $null = Invoke-Chromium -Name 'screenshot' -Arguments @("--screenshot=$png", '--window-size=1280,2000')
        $png | Should -Exist
        $pixels = [AmlRbac.PesterSupport.PngPixels]::Read($png)
        $pixels.Width | Should -Be 1280
        $pixels.Height | Should -Be 2000
        # Not blank: text and tables cover part of the page, and the decision colours of the style are painted.
        $pixels.NonWhite | Should -BeGreaterThan (1280 * 2000 / 50)
        $pixels.Colours.Count | Should -BeGreaterThan 16
        $pixels.Colours.Contains(0xC9ECD0) | Should -BeTrue -Because 'Allowed cells are painted #c9ecd0'
        $pixels.Colours.Contains(0xF4F4F4) | Should -BeTrue -Because 'NotGranted cells are painted #f4f4f4'
    }
}
