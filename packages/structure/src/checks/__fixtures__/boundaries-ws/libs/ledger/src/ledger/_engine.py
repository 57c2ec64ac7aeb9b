def run(entry):
    return entry
