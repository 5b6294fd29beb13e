// The AWSS3 module; its types arrive with the issue that needs them.
