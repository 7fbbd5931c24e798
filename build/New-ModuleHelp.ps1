#Requires -Version 7.4
<#
.SYNOPSIS
Writes the module's help from docs/*.md: MAML for the cmdlets and the about_AmlRbac topic.

.DESCRIPTION
build.ps1 runs this in its own pwsh, because it imports the built module: the parameters, their
types, sets, aliases and pipeline binding come from the cmdlets themselves, the words from the pages.

A cmdlet page, docs/<Verb-Noun>.md, is read like this (the xunit test CmdletHelpTests checks every
page against the cmdlets):

    # Verb-Noun
    ## SYNOPSIS                   one paragraph
    ## DESCRIPTION                paragraphs (blank-line separated; "- " lines are paragraphs of their own)
    ## EXAMPLES
    ### Example 1: Title          a ``` fenced block of code, then paragraphs of remarks
    ## PARAMETERS
    ### -Name                     paragraphs, one section per parameter
    ## INPUTS
    ### Type.Name                 paragraphs
    ## OUTPUTS
    ### Type.Name                 paragraphs
    ## NOTES                      paragraphs
    ## RELATED LINKS              "- [Text](target)" lines

Lines inside ``` fences are never headings. docs/about_AmlRbac.md ("# about_AmlRbac", "## SECTION"
headings, paragraphs, "- " lists, fenced code) becomes en-US/about_AmlRbac.help.txt.
#>
[CmdletBinding()]
param(
    # The built module's manifest (output/AmlRbac/<version>/AmlRbac.psd1).
    [Parameter(Mandatory)]
    [string] $ManifestPath,

    # The folder of the markdown pages.
    [Parameter(Mandatory)]
    [string] $DocsPath,

    # The culture folder to write (output/AmlRbac/<version>/en-US).
    [Parameter(Mandatory)]
    [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$Namespaces = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}
$XmlnsNamespace = 'http://www.w3.org/2000/xmlns/'

# ---- Reading the pages ------------------------------------------------------------------------

function New-HelpSection {
    param([string] $Name)
    [pscustomobject]@{
        Name        = $Name
        Lines       = [System.Collections.Generic.List[string]]::new()
        Subsections = [System.Collections.Generic.List[object]]::new()
    }
}

function Read-HelpPage {
    # "# Title", then "## SECTION" headings with their lines and "### Sub" headings.
    param([string] $Path)
    $title = ''
    $sections = [System.Collections.Generic.List[object]]::new()
    $inCode = $false
    foreach ($line in [System.IO.File]::ReadAllLines($Path)) {
        if ($line.StartsWith('```')) {
            $inCode = -not $inCode
        }
        if (-not $inCode -and $line.StartsWith('# ')) {
            $title = $line.Substring(2).Trim()
        }
        elseif (-not $inCode -and $line.StartsWith('## ')) {
            $sections.Add((New-HelpSection -Name $line.Substring(3).Trim()))
        }
        elseif (-not $inCode -and $line.StartsWith('### ') -and $sections.Count -gt 0) {
            $sections[$sections.Count - 1].Subsections.Add((New-HelpSection -Name $line.Substring(4).Trim()))
        }
        elseif ($sections.Count -gt 0) {
            $section = $sections[$sections.Count - 1]
            if ($section.Subsections.Count -gt 0) {
                $section = $section.Subsections[$section.Subsections.Count - 1]
            }
            $section.Lines.Add($line)
        }
    }
    [pscustomobject]@{ Title = $title; Sections = $sections }
}

function Get-Section {
    param($Page, [string] $Name)
    $Page.Sections | Where-Object Name -EQ $Name | Select-Object -First 1
}

function ConvertTo-PlainText {
    # Help is plain text: links keep their text, code spans lose their backticks.
    param([string] $Text)
    ($Text -replace '\[([^\]]+)\]\([^)]*\)', '$1') -replace '`', ''
}

function Get-Paragraph {
    # The text outside code fences as paragraphs.
    param([System.Collections.Generic.List[string]] $Lines)
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $current = [System.Collections.Generic.List[string]]::new()
    $inCode = $false
    foreach ($line in $Lines) {
        if ($line.StartsWith('```')) {
            $inCode = -not $inCode
            continue
        }
        if ($inCode) {
            continue
        }
        $trimmed = $line.Trim()
        if (($trimmed.Length -eq 0 -or $trimmed -match '^[-*] ') -and $current.Count -gt 0) {
            $paragraphs.Add((ConvertTo-PlainText -Text ($current -join ' ')))
            $current.Clear()
        }
        if ($trimmed.Length -gt 0) {
            $current.Add($trimmed)
        }
    }
    if ($current.Count -gt 0) {
        $paragraphs.Add((ConvertTo-PlainText -Text ($current -join ' ')))
    }
    $paragraphs.ToArray()
}

function Get-Code {
    # The first ``` fenced block, without its fences.
    param([System.Collections.Generic.List[string]] $Lines)
    $code = [System.Collections.Generic.List[string]]::new()
    $inCode = $false
    foreach ($line in $Lines) {
        if ($line.StartsWith('```')) {
            if ($inCode) {
                break
            }
            $inCode = $true
            continue
        }
        if ($inCode) {
            $code.Add($line)
        }
    }
    $code -join "`n"
}

# ---- Writing MAML -----------------------------------------------------------------------------

function Write-TextElement {
    param([string] $Prefix, [string] $Name, [string] $Text)
    $Writer.WriteStartElement($Prefix, $Name, $Namespaces[$Prefix])
    $Writer.WriteString($Text)
    $Writer.WriteEndElement()
}

function Write-ParagraphElement {
    # <prefix:name><maml:para>...</maml:para>...</prefix:name>
    param([string] $Prefix, [string] $Name, [string[]] $Paragraphs)
    $Writer.WriteStartElement($Prefix, $Name, $Namespaces[$Prefix])
    foreach ($paragraph in $Paragraphs) {
        Write-TextElement -Prefix 'maml' -Name 'para' -Text $paragraph
    }
    $Writer.WriteEndElement()
}

function Get-PipelineInput {
    param([bool] $ByValue, [bool] $ByPropertyName)
    $kinds = @(if ($ByValue) { 'ByValue' }; if ($ByPropertyName) { 'ByPropertyName' })
    if ($kinds.Count -eq 0) { 'False' } else { "True ($($kinds -join ', '))" }
}

function Write-ParameterElement {
    # One <command:parameter>: in a syntax item (per parameter set) or in the parameters list.
    param(
        [string] $Name,
        [type] $Type,
        [bool] $Required,
        [string] $PipelineInput,
        [string[]] $Aliases,
        [bool] $Globbing,
        [string[]] $Description,
        [bool] $InSyntax,
        # Below 0 when the parameter is named only (CommandParameterInfo.Position is int.MinValue then).
        [int] $Position = -1
    )
    $isSwitch = $Type -eq [System.Management.Automation.SwitchParameter]
    $Writer.WriteStartElement('command', 'parameter', $Namespaces.command)
    $Writer.WriteAttributeString('required', $Required.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', $Type.IsArray.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', $Globbing.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $PipelineInput)
    $Writer.WriteAttributeString('position', $(if ($Position -ge 0) { "$Position" } else { 'named' }))
    $aliasText = ($Aliases | Where-Object { $_ }) -join ', '
    $Writer.WriteAttributeString('aliases', $(if ($aliasText) { $aliasText } else { 'none' }))
    Write-TextElement -Prefix 'maml' -Name 'name' -Text $Name
    Write-ParagraphElement -Prefix 'maml' -Name 'description' -Paragraphs $Description
    if (-not ($InSyntax -and $isSwitch)) {
        $Writer.WriteStartElement('command', 'parameterValue', $Namespaces.command)
        $Writer.WriteAttributeString('required', (-not $isSwitch).ToString().ToLowerInvariant())
        $Writer.WriteAttributeString('variableLength', $Type.IsArray.ToString().ToLowerInvariant())
        $Writer.WriteString($Type.Name)
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $Namespaces.dev)
    Write-TextElement -Prefix 'maml' -Name 'name' -Text $Type.FullName
    Write-TextElement -Prefix 'maml' -Name 'uri' -Text ''
    $Writer.WriteEndElement()
    Write-TextElement -Prefix 'dev' -Name 'defaultValue' -Text $(if ($isSwitch) { 'False' } else { 'None' })
    $Writer.WriteEndElement()
}

function Write-TypeList {
    # INPUTS / OUTPUTS: one entry per "### Type.Name" subsection.
    param([string] $ListName, [string] $ItemName, $Section)
    $Writer.WriteStartElement('command', $ListName, $Namespaces.command)
    foreach ($entry in @($Section.Subsections)) {
        $Writer.WriteStartElement('command', $ItemName, $Namespaces.command)
        $Writer.WriteStartElement('dev', 'type', $Namespaces.dev)
        Write-TextElement -Prefix 'maml' -Name 'name' -Text $entry.Name
        $Writer.WriteEndElement()
        Write-ParagraphElement -Prefix 'maml' -Name 'description' -Paragraphs (Get-Paragraph -Lines $entry.Lines)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-CommandHelp {
    param([System.Management.Automation.CmdletInfo] $Command, $Page)

    foreach ($name in 'SYNOPSIS', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS') {
        if ($null -eq (Get-Section -Page $Page -Name $name)) {
            throw "$($Command.Name): its help page has no '## $name' section."
        }
    }
    $synopsis = @(Get-Paragraph -Lines (Get-Section -Page $Page -Name 'SYNOPSIS').Lines)
    $examples = @((Get-Section -Page $Page -Name 'EXAMPLES').Subsections)
    $parameterSections = @{}
    foreach ($section in @((Get-Section -Page $Page -Name 'PARAMETERS').Subsections)) {
        $parameterSections[$section.Name.TrimStart('-')] = $section
    }
    if ($synopsis.Count -ne 1) {
        throw "$($Command.Name): ## SYNOPSIS must be one paragraph."
    }
    if ($examples.Count -eq 0) {
        throw "$($Command.Name): ## EXAMPLES has no '### Example' section."
    }
    $parameters = @($Command.Parameters.Values | Where-Object { $CommonParameters -notcontains $_.Name })
    foreach ($parameter in $parameters) {
        if (-not $parameterSections.ContainsKey($parameter.Name) -and -not $ShouldProcessParameters.Contains($parameter.Name)) {
            throw "$($Command.Name): ## PARAMETERS has no '### -$($parameter.Name)' section."
        }
    }
    # -WhatIf and -Confirm (SupportsShouldProcess) are not declared by the cmdlet, so its page has no section for them.
    $descriptionOf = {
        param([string] $Name)
        if ($parameterSections.ContainsKey($Name)) { @(Get-Paragraph -Lines $parameterSections[$Name].Lines) } else { @($ShouldProcessParameters[$Name]) }
    }

    $Writer.WriteStartElement('command', 'command', $Namespaces.command)
    foreach ($prefix in 'maml', 'dev') {
        $Writer.WriteAttributeString('xmlns', $prefix, $XmlnsNamespace, $Namespaces[$prefix])
    }

    $Writer.WriteStartElement('command', 'details', $Namespaces.command)
    Write-TextElement -Prefix 'command' -Name 'name' -Text $Command.Name
    Write-TextElement -Prefix 'command' -Name 'verb' -Text $Command.Verb
    Write-TextElement -Prefix 'command' -Name 'noun' -Text $Command.Noun
    Write-ParagraphElement -Prefix 'maml' -Name 'description' -Paragraphs $synopsis
    $Writer.WriteEndElement()

    Write-ParagraphElement -Prefix 'maml' -Name 'description' -Paragraphs (Get-Paragraph -Lines (Get-Section -Page $Page -Name 'DESCRIPTION').Lines)

    # Syntax: one item per parameter set, positional parameters first (by position), then mandatory ones,
    # each in declared order.
    $Writer.WriteStartElement('command', 'syntax', $Namespaces.command)
    foreach ($set in $Command.ParameterSets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $Namespaces.command)
        Write-TextElement -Prefix 'maml' -Name 'name' -Text $Command.Name
        $inSet = @($set.Parameters | Where-Object { $CommonParameters -notcontains $_.Name })
        $positional = @($inSet | Where-Object Position -GE 0 | Sort-Object Position)
        $named = @($inSet | Where-Object Position -LT 0)
        foreach ($parameter in $positional + @($named | Where-Object IsMandatory) + @($named | Where-Object { -not $_.IsMandatory })) {
            Write-ParameterElement -Name $parameter.Name -Type $parameter.ParameterType -Required $parameter.IsMandatory `
                -PipelineInput (Get-PipelineInput -ByValue $parameter.ValueFromPipeline -ByPropertyName $parameter.ValueFromPipelineByPropertyName) `
                -Aliases $parameter.Aliases -Globbing $false -Description (& $descriptionOf $parameter.Name) -InSyntax $true -Position $parameter.Position
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    # Parameters: each once, required when mandatory in every set it belongs to.
    $Writer.WriteStartElement('command', 'parameters', $Namespaces.command)
    foreach ($parameter in $parameters) {
        $sets = @($parameter.ParameterSets.Values)
        Write-ParameterElement -Name $parameter.Name -Type $parameter.ParameterType `
            -Required (@($sets | Where-Object { -not $_.IsMandatory }).Count -eq 0) `
            -PipelineInput (Get-PipelineInput -ByValue (@($sets | Where-Object ValueFromPipeline).Count -gt 0) `
                -ByPropertyName (@($sets | Where-Object ValueFromPipelineByPropertyName).Count -gt 0)) `
            -Aliases $parameter.Aliases `
            -Globbing (@($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count -gt 0) `
            -Description (& $descriptionOf $parameter.Name) -InSyntax $false `
            -Position (@($sets | ForEach-Object Position | Where-Object { $_ -ge 0 }) + -1)[0]
    }
    $Writer.WriteEndElement()

    Write-TypeList -ListName 'inputTypes' -ItemName 'inputType' -Section (Get-Section -Page $Page -Name 'INPUTS')
    Write-TypeList -ListName 'returnValues' -ItemName 'returnValue' -Section (Get-Section -Page $Page -Name 'OUTPUTS')

    $Writer.WriteStartElement('maml', 'alertSet', $Namespaces.maml)
    Write-ParagraphElement -Prefix 'maml' -Name 'alert' -Paragraphs (Get-Paragraph -Lines (Get-Section -Page $Page -Name 'NOTES').Lines)
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'examples', $Namespaces.command)
    foreach ($example in $examples) {
        $Writer.WriteStartElement('command', 'example', $Namespaces.command)
        Write-TextElement -Prefix 'maml' -Name 'title' -Text "-------------------------- $($example.Name) --------------------------"
        Write-TextElement -Prefix 'dev' -Name 'code' -Text (Get-Code -Lines $example.Lines)
        Write-ParagraphElement -Prefix 'dev' -Name 'remarks' -Paragraphs (Get-Paragraph -Lines $example.Lines)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $Namespaces.command)
    foreach ($line in @((Get-Section -Page $Page -Name 'RELATED LINKS').Lines)) {
        if ($line -match '^\s*[-*]\s*\[(?<text>[^\]]+)\]\((?<target>[^)]*)\)') {
            $linkText = $Matches.text
            $target = $Matches.target
            $Writer.WriteStartElement('maml', 'navigationLink', $Namespaces.maml)
            Write-TextElement -Prefix 'maml' -Name 'linkText' -Text $linkText
            # Pages of this folder are not addresses; only web links are.
            Write-TextElement -Prefix 'maml' -Name 'uri' -Text $(if ($target -match '^https?://') { $target } else { '' })
            $Writer.WriteEndElement()
        }
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

# ---- The about topic --------------------------------------------------------------------------

function Format-Wrapped {
    # Words of one paragraph in lines of at most 80 characters, indented.
    param([string] $Text, [int] $Indent, [int] $FirstIndent = $Indent)
    $lines = [System.Collections.Generic.List[string]]::new()
    $line = ''
    $width = 80 - $FirstIndent
    foreach ($word in @($Text -split '\s+' | Where-Object { $_ })) {
        if ($line.Length -gt 0 -and $line.Length + 1 + $word.Length -gt $width) {
            $lines.Add($line)
            $line = $word
            $width = 80 - $Indent
        }
        elseif ($line.Length -gt 0) {
            $line += ' ' + $word
        }
        else {
            $line = $word
        }
    }
    if ($line.Length -gt 0) {
        $lines.Add($line)
    }
    for ($i = 0; $i -lt $lines.Count; $i++) {
        (' ' * $(if ($i -eq 0) { $FirstIndent } else { $Indent })) + $lines[$i]
    }
}

function Get-AboutBlock {
    # The lines of an about section as blocks: paragraphs, "- " list items and fenced code.
    param([System.Collections.Generic.List[string]] $Lines)
    $current = [System.Collections.Generic.List[string]]::new()
    $code = $null
    $emit = {
        $joined = ConvertTo-PlainText -Text ($current -join ' ')
        [pscustomobject]@{ Kind = $(if ($joined -match '^[-*] ') { 'Item' } else { 'Paragraph' }); Text = $joined; Lines = @() }
        $current.Clear()
    }
    foreach ($line in $Lines) {
        if ($line.StartsWith('```')) {
            if ($null -eq $code) {
                if ($current.Count -gt 0) {
                    & $emit
                }
                $code = [System.Collections.Generic.List[string]]::new()
            }
            else {
                [pscustomobject]@{ Kind = 'Code'; Text = ''; Lines = $code.ToArray() }
                $code = $null
            }
            continue
        }
        if ($null -ne $code) {
            $code.Add($line)
            continue
        }
        $trimmed = $line.Trim()
        if (($trimmed.Length -eq 0 -or $trimmed -match '^[-*] ') -and $current.Count -gt 0) {
            & $emit
        }
        if ($trimmed.Length -gt 0) {
            $current.Add($trimmed)
        }
    }
    if ($current.Count -gt 0) {
        & $emit
    }
}

function ConvertTo-AboutText {
    # TOPIC / SHORT DESCRIPTION / LONG DESCRIPTION ... as Get-Help about_* shows them.
    param([string] $Path)
    $page = Read-HelpPage -Path $Path
    $text = [System.Collections.Generic.List[string]]::new()
    $text.Add('TOPIC')
    $text.Add("    $($page.Title)")
    foreach ($section in $page.Sections) {
        $text.Add('')
        $text.Add($section.Name)
        $previousKind = ''
        foreach ($block in @(Get-AboutBlock -Lines $section.Lines)) {
            if ($block.Kind -eq 'Code') {
                $text.Add('')
                foreach ($codeLine in $block.Lines) {
                    $text.Add('        ' + $codeLine)
                }
            }
            else {
                # A list is one block of lines; a paragraph stands apart.
                if ($block.Kind -eq 'Paragraph' -or $previousKind -ne 'Item') {
                    $text.Add('')
                }
                $indent = if ($block.Kind -eq 'Item') { 6 } else { 4 }
                foreach ($wrapped in @(Format-Wrapped -Text $block.Text -FirstIndent 4 -Indent $indent)) {
                    $text.Add($wrapped)
                }
            }
            $previousKind = $block.Kind
        }
    }
    $text -join [System.Environment]::NewLine
}

# ---- Main -------------------------------------------------------------------------------------

$CommonParameters = @([System.Management.Automation.Cmdlet]::CommonParameters)
# What Get-Help says of -WhatIf and -Confirm for any cmdlet that supports ShouldProcess.
$ShouldProcessParameters = [ordered]@{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}
$module = Import-Module -Name $ManifestPath -Force -PassThru
$commands = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)
if ($commands.Count -eq 0) {
    throw "$ManifestPath exports no cmdlet."
}

$null = New-Item -ItemType Directory -Path $OutputPath -Force
$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$mamlPath = Join-Path $OutputPath 'AmlRbac.PowerShell.dll-Help.xml'
$Writer = [System.Xml.XmlWriter]::Create($mamlPath, $settings)
try {
    $Writer.WriteStartDocument()
    $Writer.WriteStartElement('helpItems', 'http://msh')
    $Writer.WriteAttributeString('schema', 'maml')
    foreach ($command in $commands) {
        $pagePath = Join-Path $DocsPath "$($command.Name).md"
        if (-not (Test-Path -LiteralPath $pagePath)) {
            throw "$($command.Name) has no help page $pagePath."
        }
        Write-CommandHelp -Command $command -Page (Read-HelpPage -Path $pagePath)
    }
    $Writer.WriteEndElement()
    $Writer.WriteEndDocument()
}
finally {
    $Writer.Dispose()
}
Write-Host "Wrote $mamlPath"

$aboutPath = Join-Path $OutputPath 'about_AmlRbac.help.txt'
$aboutText = ConvertTo-AboutText -Path (Join-Path $DocsPath 'about_AmlRbac.md')
[System.IO.File]::WriteAllText($aboutPath, $aboutText + [System.Environment]::NewLine, [System.Text.UTF8Encoding]::new($false))
Write-Host "Wrote $aboutPath"
