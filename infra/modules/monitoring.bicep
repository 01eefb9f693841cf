// Log Analytics workspace and workspace-based Application Insights. Local authentication (instrumentation key only)
// is off: the Functions host sends telemetry with its managed identity (APPLICATIONINSIGHTS_AUTHENTICATION_STRING).

@description('Azure region.')
param location string

@description('Log Analytics workspace name.')
param workspaceName string

@description('Application Insights component name.')
param appInsightsName string

@description('Days Log Analytics keeps data (30 is included in the ingestion price).')
param retentionInDays int

param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

output connectionString string = appInsights.properties.ConnectionString
