// electron-builder configuration: `npm run dist` (needs the internet to fetch Electron).
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'com.ecometricx.dr-war-room',
  productName: 'DR War Room',
  copyright: 'EcoMetricx',
  directories: { output: 'release', buildResources: 'build' },
  // Only the built output and the package manifest go into the app's asar.
  files: ['out/**/*', 'package.json', '!**/*.map'],
  // The runbooks are data, readable offline and overlayable: shipped beside the asar.
  extraResources: [{ from: 'runbooks', to: 'runbooks', filter: ['**/*'] }],
  asar: true,
  icon: 'build/icons/icon.png',
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Utility',
    icon: 'build/icons/icon.png',
  },
  deb: { depends: ['libnss3', 'libxss1', 'libasound2'] },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.developer-tools',
    hardenedRuntime: true,
  },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
};
