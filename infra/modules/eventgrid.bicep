// The Event Grid system topic of the storage account: the source of the Microsoft.Storage.BlobCreated events that
// reach the blob-triggered functions (Event Grid source, the only blob trigger Flex Consumption runs). Only the topic
// is created here. Its subscriptions target the function app's blob extension webhook, which exists once the app's
// code runs, so they are a second deployment: infra/blob-subscriptions.bicep (docs/deploy.md, Deployment order).

@description('Azure region (the storage account\'s).')
param location string

@description('System topic name.')
param topicName string

@description('The storage account whose blob events are published.')
param storageAccountName string

param tags object

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: topicName
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output topicName string = topic.name
