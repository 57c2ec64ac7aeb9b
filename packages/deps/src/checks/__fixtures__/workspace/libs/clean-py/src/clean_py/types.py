Config = dict
